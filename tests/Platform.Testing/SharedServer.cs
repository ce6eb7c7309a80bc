namespace Platform.Testing;

/// <summary>
/// One server per test process, started on first use. A failure is remembered, so every later fixture
/// fails at once with the same explanation instead of trying (and timing out) again.
/// </summary>
internal sealed class SharedServer<T>(Func<Task<T>> start, Func<Exception, string> explain)
    where T : class
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private T? _server;
    private string? _failure;

    public async Task<T> GetAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_server is not null)
                return _server;
            if (_failure is not null)
                throw new InvalidOperationException(_failure);
            try
            {
                return _server = await start();
            }
            catch (Exception ex)
            {
                _failure = explain(ex);
                throw new InvalidOperationException(_failure, ex);
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
