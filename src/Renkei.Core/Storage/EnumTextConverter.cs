using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Renkei.Common;

namespace Renkei.Storage;

/// <summary>Stores an enum as its <see cref="EnumText"/> spelling, readable in SQL and stable across reorderings.</summary>
public sealed class EnumTextConverter<T>() : ValueConverter<T, string>(
    v => EnumText.ToText(v),
    v => EnumText.Parse<T>(v))
    where T : struct, Enum;
