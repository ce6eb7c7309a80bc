using System.CommandLine;

namespace Platform.Cli.Commands;

/// <summary>Where the platform is and which key to send: global options, each with an environment fallback.</summary>
internal sealed class ConnectionOptions
{
    public const string DefaultServer = "http://localhost:5000";

    /// <summary>The key the all-in-one host ships for local development (tenant "local").</summary>
    public const string DefaultApiKey = "dev-local-key";

    public ConnectionOptions(Func<string, string?> environment)
    {
        Server = new Option<string>("--server")
        {
            Description = "Address of the platform (all services, or the all-in-one host). Env PLATFORM_SERVER",
            Recursive = true,
            DefaultValueFactory = _ => NonEmpty(environment("PLATFORM_SERVER")) ?? DefaultServer,
        };
        ApiKey = new Option<string>("--api-key")
        {
            Description = "API key sent as x-api-key. Env PLATFORM_API_KEY (the all-in-one development key by default)",
            Recursive = true,
            DefaultValueFactory = _ => NonEmpty(environment("PLATFORM_API_KEY")) ?? DefaultApiKey,
        };
        Ingest = new Option<string?>("--ingest")
        {
            Description = "Address of the Ingest service in distributed mode. Env PLATFORM_INGEST; default: the --server address",
            Recursive = true,
            DefaultValueFactory = _ => NonEmpty(environment("PLATFORM_INGEST")),
        };
        Query = new Option<string?>("--query")
        {
            Description = "Address of the Query service in distributed mode. Env PLATFORM_QUERY; default: the --server address",
            Recursive = true,
            DefaultValueFactory = _ => NonEmpty(environment("PLATFORM_QUERY")),
        };
    }

    public Option<string> Server { get; }
    public Option<string> ApiKey { get; }
    public Option<string?> Ingest { get; }
    public Option<string?> Query { get; }

    public IEnumerable<Option> All => [Server, ApiKey, Ingest, Query];

    /// <summary>The addresses and key a command uses; throws <see cref="CliException"/> for an unusable address.</summary>
    public PlatformEndpoints Resolve(ParseResult result)
    {
        var server = ParseAddress(result.GetValue(Server) ?? DefaultServer, "--server");
        var ingest = NonEmpty(result.GetValue(Ingest)) is { } i ? ParseAddress(i, "--ingest") : server;
        var query = NonEmpty(result.GetValue(Query)) is { } q ? ParseAddress(q, "--query") : server;
        var key = NonEmpty(result.GetValue(ApiKey)) ?? throw new CliException("an API key is required (--api-key or PLATFORM_API_KEY)");
        return new PlatformEndpoints(ingest, query, key);
    }

    /// <summary>Accepts "http://host:port", "https://host:port" or a bare "host:port" (plain-text HTTP/2 assumed).</summary>
    public static Uri ParseAddress(string value, string optionName)
    {
        var text = value.Trim();
        if (!text.Contains("://", StringComparison.Ordinal))
            text = "http://" + text;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || string.IsNullOrEmpty(uri.Host))
            throw new CliException($"{optionName}: '{value}' is not an http:// or https:// address");
        return uri;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

/// <summary>Resolved addresses of the two services the CLI talks to (equal in all-in-one mode) and the API key.</summary>
internal sealed record PlatformEndpoints(Uri Ingest, Uri Query, string ApiKey);
