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
}
