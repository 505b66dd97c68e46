using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ReviewPulse.Tests.Shared;

/// <summary>
/// A real moto server on a free loopback port, started for the tests that talk to S3 or DynamoDB. There is no fallback:
/// without python3 and moto the test fails with what to install. It serves one request at a time: moto's default
/// threaded server interleaves the steps of concurrent transactions, which real DynamoDB isolates.
/// </summary>
public sealed class MotoServer : IDisposable
{
    private readonly Process _process;

    public MotoServer()
    {
        var port = FreePort();
        Endpoint = $"http://127.0.0.1:{port}";
        var python = Environment.GetEnvironmentVariable("MOTO_PYTHON") ?? "python3";
        try
        {
            var info = new ProcessStartInfo(python)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add(
                "import sys; from werkzeug.serving import run_simple; " +
                "from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app; " +
                "run_simple('127.0.0.1', int(sys.argv[1]), DomainDispatcherApplication(create_backend_app), threaded=False)");
            info.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            _process = Process.Start(info) ?? throw new InvalidOperationException("moto server did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"'{python}' was not found: install Python 3 and moto (pip install 'moto[server]'), or set MOTO_PYTHON.", e);
        }
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        WaitUntilReady();
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "testing");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "testing");
        Environment.SetEnvironmentVariable("AWS_REGION", "us-east-1");
    }

    public string Endpoint { get; }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }

    private void WaitUntilReady()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException("moto server exited at start: install it with pip install 'moto[server]'.");
            }
            try
            {
                if (http.GetAsync(Endpoint).Result.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (AggregateException)
            {
                Thread.Sleep(200);
            }
        }
        throw new TimeoutException($"moto server did not answer on {Endpoint} within 30 s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
