using System.Text.Json;

namespace Renkei.Storage;

public static class SnakeCase
{
    public static string Of(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
}
