using Microsoft.Data.Sqlite;

namespace Commerce.Actors.Storage;

public static class SqliteConnectionStrings
{
    /// <summary>Pooled, with a 30 s busy timeout, and with the database file's folder created.</summary>
    public static string Prepare(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = true, DefaultTimeout = 30 };
        var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(directory))
            Directory.CreateDirectory(directory);
        return builder.ToString();
    }
}
