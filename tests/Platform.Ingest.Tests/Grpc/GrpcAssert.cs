using Grpc.Core;

namespace Platform.Ingest.Tests.Grpc;

internal static class GrpcAssert
{
    public static async Task<RpcException> Status(StatusCode expected, Func<Task> call)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(expected, ex.StatusCode);
        return ex;
    }
}
