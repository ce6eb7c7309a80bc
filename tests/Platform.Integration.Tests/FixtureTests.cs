using Npgsql;
using Platform.Testing;
using RabbitMQ.Client;

namespace Platform.Integration.Tests;

/// <summary>The fixtures give real, isolated servers (whichever source: Docker, environment, or started locally).</summary>
public sealed class RabbitMqFixtureTests(RabbitMqFixture rabbit) : IClassFixture<RabbitMqFixture>
{
    [Fact]
    public async Task AmqpUri_AcceptsConnections_AndRoundTripsAMessage()
    {
        var ct = TestContext.Current.CancellationToken;
        TestContext.Current.SendDiagnosticMessage($"RabbitMQ from {rabbit.Source}, vhost {rabbit.VirtualHost}");
        await using var connection = await rabbit.ConnectAsync(ct);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
        var queue = RabbitMqFixture.UniqueName("fixture-smoke");
        await channel.QueueDeclareAsync(queue, durable: false, exclusive: true, autoDelete: true, cancellationToken: ct);

        await channel.BasicPublishAsync("", queue, "ping"u8.ToArray(), ct);

        var got = await Eventually.GetAsync(() => channel.BasicGetAsync(queue, autoAck: true, ct), r => r is not null, "the message back");
        Assert.Equal("ping", System.Text.Encoding.UTF8.GetString(got!.Body.Span));
    }

    [Fact]
    public async Task EachFixture_GetsItsOwnVirtualHost_WhenTheBrokerAllowsIt()
    {
        var ct = TestContext.Current.CancellationToken;
        var other = new RabbitMqFixture();
        await other.InitializeAsync();
        try
        {
            Assert.Equal(rabbit.Source, other.Source);
            if (rabbit.Source != "environment")
                Assert.True(rabbit.HasOwnVirtualHost, $"a {rabbit.Source} broker always allows creating a vhost");
            if (!rabbit.HasOwnVirtualHost)
                return;
            Assert.NotEqual(rabbit.VirtualHost, other.VirtualHost);

            // A queue declared in one vhost does not exist in the other.
            var queue = RabbitMqFixture.UniqueName("isolation");
            await using var first = await rabbit.ConnectAsync(ct);
            await using var firstChannel = await first.CreateChannelAsync(cancellationToken: ct);
            await firstChannel.QueueDeclareAsync(queue, durable: false, exclusive: false, autoDelete: true, cancellationToken: ct);
            await using var second = await other.ConnectAsync(ct);
            await using var secondChannel = await second.CreateChannelAsync(cancellationToken: ct);
            await Assert.ThrowsAsync<RabbitMQ.Client.Exceptions.OperationInterruptedException>(() => secondChannel.QueueDeclarePassiveAsync(queue, ct));
        }
        finally
        {
            await other.DisposeAsync();
        }
    }
}

public sealed class PostgresFixtureTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task ConnectionString_PointsAtAFreshEmptyDatabase()
    {
        var ct = TestContext.Current.CancellationToken;
        TestContext.Current.SendDiagnosticMessage($"PostgreSQL from {postgres.Source}");
        await using var connection = new NpgsqlConnection(postgres.ConnectionString);
        await connection.OpenAsync(ct);
        Assert.StartsWith("platform_test_", connection.Database);

        await using var count = new NpgsqlCommand("select count(*) from information_schema.tables where table_schema = 'public'", connection);
        Assert.Equal(0L, (long)(await count.ExecuteScalarAsync(ct))!);

        await using var create = new NpgsqlCommand("create table t (id int primary key); insert into t values (1), (2);", connection);
        await create.ExecuteNonQueryAsync(ct);
        await using var sum = new NpgsqlCommand("select sum(id) from t", connection);
        Assert.Equal(3L, (long)(await sum.ExecuteScalarAsync(ct))!);
    }

    [Fact]
    public async Task CreateDatabaseAsync_ReturnsAnotherDatabase()
    {
        var second = await postgres.CreateDatabaseAsync();
        Assert.NotEqual(new NpgsqlConnectionStringBuilder(postgres.ConnectionString).Database, new NpgsqlConnectionStringBuilder(second).Database);
        await using var connection = new NpgsqlConnection(second);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
    }
}
