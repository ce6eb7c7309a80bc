using System.Data.Common;

namespace Platform.ServiceDefaults;

public enum DatabaseKind
{
    Sqlite,
    Postgres,
}

/// <summary>Picks the storage implementation from the shape of a connection string.</summary>
public static class DatabaseProvider
{
    /// <summary>"Host=...;Database=..." is PostgreSQL; "Data Source=file.db" (or a bare path) is SQLite.</summary>
    public static DatabaseKind Detect(string connectionString)
    {
        var s = connectionString.TrimStart();
        if (s.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || s.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
            return DatabaseKind.Postgres;
        foreach (var part in s.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var key = part.Split('=', 2)[0].Trim();
            if (key.Equals("Host", StringComparison.OrdinalIgnoreCase) || key.Equals("Server", StringComparison.OrdinalIgnoreCase))
                return DatabaseKind.Postgres;
        }
        return DatabaseKind.Sqlite;
    }

    /// <summary>Makes sure the folder of a SQLite file exists ("Data Source=data/ingest.db").</summary>
    public static void EnsureSqliteDirectory(string connectionString)
    {
        foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var kv = part.Split('=', 2);
            if (kv.Length == 2 && (kv[0].Trim().Equals("Data Source", StringComparison.OrdinalIgnoreCase) || kv[0].Trim().Equals("DataSource", StringComparison.OrdinalIgnoreCase)))
            {
                var dir = Path.GetDirectoryName(Path.GetFullPath(kv[1].Trim()));
                if (!string.IsNullOrEmpty(dir))
                    Directory.CreateDirectory(dir);
            }
        }
    }

    /// <summary>
    /// Npgsql wants key=value pairs; a postgres:// URI (which <see cref="Detect"/> accepts) is turned into them,
    /// anything else is returned as it is.
    /// </summary>
    public static string ToPostgresKeyValue(string connectionString)
    {
        var s = connectionString.Trim();
        if (!s.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) && !s.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
            return s;

        var uri = new Uri(s);
        var builder = new DbConnectionStringBuilder { ["Host"] = uri.Host };
        if (uri.Port > 0)
            builder["Port"] = uri.Port;
        var user = uri.UserInfo.Split(':', 2);
        if (user[0].Length > 0)
            builder["Username"] = Uri.UnescapeDataString(user[0]);
        if (user.Length > 1)
            builder["Password"] = Uri.UnescapeDataString(user[1]);
        var database = uri.AbsolutePath.Trim('/');
        if (database.Length > 0)
            builder["Database"] = Uri.UnescapeDataString(database);
        return builder.ConnectionString;
    }
}
