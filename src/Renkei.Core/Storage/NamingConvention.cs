using Microsoft.EntityFrameworkCore;

namespace Renkei.Storage;

/// <summary>
/// snake_case names for every table, column, key and index, on both providers, so the
/// hand-written migration scripts and the model agree by construction.
/// </summary>
internal static class NamingConvention
{
    public static void Apply(ModelBuilder builder)
    {
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            var table = entity.GetTableName() ?? SnakeCase.Of(entity.ShortName());
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(SnakeCase.Of(property.Name));
            }
            foreach (var key in entity.GetKeys())
            {
                key.SetName(key.IsPrimaryKey()
                    ? $"pk_{table}"
                    : $"ak_{table}_{string.Join("_", key.Properties.Select(p => SnakeCase.Of(p.Name)))}");
            }
            foreach (var fk in entity.GetForeignKeys())
            {
                fk.SetConstraintName($"fk_{table}_{string.Join("_", fk.Properties.Select(p => SnakeCase.Of(p.Name)))}");
            }
            foreach (var index in entity.GetIndexes())
            {
                index.SetDatabaseName($"ix_{table}_{string.Join("_", index.Properties.Select(p => SnakeCase.Of(p.Name)))}");
            }
        }
    }
}
