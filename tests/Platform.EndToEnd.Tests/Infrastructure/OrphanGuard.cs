using System.Diagnostics;

namespace Platform.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Kills a service process once the test process is gone. Normal runs stop the services in DisposeAsync; this covers a
/// test host that is itself killed (timeout, Ctrl-C), so no service keeps running on a shared machine.
/// </summary>
internal static class OrphanGuard
{
    public static void Watch(int? servicePid)
    {
        if (servicePid is not { } pid || !OperatingSystem.IsLinux())
            return;
        var self = Environment.ProcessId;
        // Ends quietly when the service exits first; checks the command line so a reused pid is never hit.
        var script = $"while kill -0 {self} 2>/dev/null; do kill -0 {pid} 2>/dev/null || exit 0; sleep 2; done; " +
                     $"grep -q 'Platform\\.' /proc/{pid}/cmdline 2>/dev/null && kill -KILL {pid}";
        var start = new ProcessStartInfo("setsid")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "bash", "-c", script })
            start.ArgumentList.Add(arg);
        using var watchdog = Process.Start(start);
        watchdog?.StandardInput.Close();
    }
}
