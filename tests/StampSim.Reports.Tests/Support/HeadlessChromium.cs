using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace StampSim.Tests.Support;

/// <summary>
/// Headless Chromium driven over the DevTools protocol (JSON over a WebSocket): enough to load a
/// page, collect its console errors and uncaught exceptions, move and click the mouse, evaluate
/// script and take a screenshot. One page per instance.
/// </summary>
internal sealed class HeadlessChromium : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly ClientWebSocket _socket;
    private readonly TempDir _profile;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonObject>> _pending = new();
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly CancellationTokenSource _stop = new();
    private TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _receiving = Task.CompletedTask;
    private string? _session;
    private int _nextId;

    private HeadlessChromium(Process process, ClientWebSocket socket, TempDir profile)
    {
        _process = process;
        _socket = socket;
        _profile = profile;
    }

    /// <summary>Console errors, failed loads and uncaught exceptions of the page so far.</summary>
    public IReadOnlyList<string> Errors => _errors.ToArray();

    /// <summary>The browser on PATH (Debian's <c>chromium</c>), or null.</summary>
    public static string? Find() =>
        new[] { "chromium", "chromium-browser", "google-chrome" }
            .SelectMany(name => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(dir => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);

    /// <summary>Starts the browser with one blank page of <paramref name="width"/> x <paramref name="height"/> pixels.</summary>
    /// <exception cref="InvalidOperationException">The browser does not start or does not open its DevTools endpoint.</exception>
    public static async Task<HeadlessChromium> Start(string executable, int width, int height)
    {
        var profile = new TempDir();
        // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
        var start = new ProcessStartInfo(executable,
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
            "--remote-debugging-port=0", $"--user-data-dir={profile.Root}", $"--window-size={width},{height}", "about:blank",
        ]) { RedirectStandardError = true, RedirectStandardOutput = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start");
        var log = new StringBuilder();
        process.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.OutputDataReceived += (_, e) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        // The browser writes its port and path once the endpoint listens.
        string portFile = profile.File("DevToolsActivePort");
        var clock = Stopwatch.StartNew();
        string[] lines = [];
        while (clock.Elapsed < Timeout && !process.HasExited)
        {
            if (File.Exists(portFile) && (lines = File.ReadAllLines(portFile)).Length >= 2) break;
            await Task.Delay(100);
        }
        if (lines.Length < 2)
        {
            Stop(process);
            profile.Dispose();
            string reason;
            lock (log) reason = log.ToString().Trim();
            throw new InvalidOperationException($"{executable} opened no DevTools endpoint: {(reason.Length > 400 ? reason[^400..] : reason)}");
        }
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{lines[0]}{lines[1]}"), CancellationToken.None);
        var browser = new HeadlessChromium(process, socket, profile);
        browser._receiving = Task.Run(browser.Receive);
        string target = (await browser.Send("Target.createTarget", new JsonObject { ["url"] = "about:blank" }, session: false))["targetId"]!.GetValue<string>();
        browser._session = (await browser.Send("Target.attachToTarget", new JsonObject { ["targetId"] = target, ["flatten"] = true }, session: false))["sessionId"]!.GetValue<string>();
        foreach (var domain in new[] { "Page", "Runtime", "Log" }) await browser.Send($"{domain}.enable");
        await browser.Send("Emulation.setDeviceMetricsOverride", new JsonObject { ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = false });
        return browser;
    }

    /// <summary>Loads <paramref name="path"/> (a local file) and waits for its load event.</summary>
    public async Task Open(string path)
    {
        _loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await Send("Page.navigate", new JsonObject { ["url"] = new Uri(Path.GetFullPath(path)).AbsoluteUri });
        await _loaded.Task.WaitAsync(Timeout);
    }

    /// <summary>The value of a script expression (JSON-serialisable); a thrown exception fails.</summary>
    public async Task<JsonNode?> Evaluate(string expression)
    {
        var r = await Send("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true });
        if (r["exceptionDetails"] is JsonNode e) throw new InvalidOperationException($"script failed: {e.ToJsonString()}");
        return r["result"]!["value"];
    }

    /// <summary>Moves the mouse onto the centre of the element <paramref name="selector"/> (scrolled into view); returns the point.</summary>
    public async Task<(double X, double Y)> Hover(string selector)
    {
        var box = await Evaluate($"(() => {{ const e = document.querySelector({JsonValue.Create(selector)!.ToJsonString()}); e.scrollIntoView({{block: 'center'}}); const r = e.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; }})()")
            ?? throw new InvalidOperationException($"no element {selector}");
        double x = box[0]!.GetValue<double>(), y = box[1]!.GetValue<double>();
        await Mouse("mouseMoved", x, y);
        return (x, y);
    }

    /// <summary>Clicks the element <paramref name="selector"/> with the mouse, as a person would.</summary>
    public async Task Click(string selector)
    {
        var (x, y) = await Hover(selector);
        await Mouse("mousePressed", x, y);
        await Mouse("mouseReleased", x, y);
    }

    /// <summary>A PNG of the visible page.</summary>
    public async Task<byte[]> Screenshot() =>
        Convert.FromBase64String((await Send("Page.captureScreenshot", new JsonObject { ["format"] = "png" }))["data"]!.GetValue<string>());

    public async ValueTask DisposeAsync()
    {
        try { await Send("Browser.close", session: false).WaitAsync(TimeSpan.FromSeconds(5)); } catch (Exception e) when (e is TimeoutException or InvalidOperationException or WebSocketException) { }
        _stop.Cancel();
        Stop(_process);
        _socket.Dispose();
        try { await _receiving; } catch (Exception e) when (e is OperationCanceledException or WebSocketException) { }
        _profile.Dispose();
        _process.Dispose();
        _stop.Dispose();
    }

    private Task Mouse(string type, double x, double y) =>
        Send("Input.dispatchMouseEvent", new JsonObject { ["type"] = type, ["x"] = x, ["y"] = y, ["button"] = type == "mouseMoved" ? "none" : "left", ["clickCount"] = 1 });

    private async Task<JsonObject> Send(string method, JsonObject? parameters = null, bool session = true)
    {
        int id = Interlocked.Increment(ref _nextId);
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        if (session) message["sessionId"] = _session;
        var reply = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
        var r = await reply.Task.WaitAsync(Timeout);
        if (r["error"] is JsonNode error) throw new InvalidOperationException($"{method}: {error.ToJsonString()}");
        return r["result"]?.AsObject() ?? new JsonObject();
    }

    private async Task Receive()
    {
        var buffer = new byte[1 << 16];
        var message = new MemoryStream();
        while (_socket.State == WebSocketState.Open && !_stop.IsCancellationRequested)
        {
            var r = await _socket.ReceiveAsync(buffer, _stop.Token);
            if (r.MessageType == WebSocketMessageType.Close) break;
            message.Write(buffer, 0, r.Count);
            if (!r.EndOfMessage) continue;
            var json = JsonNode.Parse(message.ToArray())!.AsObject();
            message.SetLength(0);
            if (json["id"] is JsonNode id && _pending.TryRemove(id.GetValue<int>(), out var reply)) reply.TrySetResult(json);
            else Event(json["method"]?.GetValue<string>(), json["params"]);
        }
    }

    private void Event(string? method, JsonNode? p)
    {
        if (p is null) return;
        switch (method)
        {
            case "Page.loadEventFired":
                _loaded.TrySetResult();
                break;
            case "Runtime.exceptionThrown":
                _errors.Enqueue("exception: " + p["exceptionDetails"]?.ToJsonString());
                break;
            case "Runtime.consoleAPICalled" when Text(p, "type") is "error" or "assert":
                _errors.Enqueue("console: " + p["args"]?.ToJsonString());
                break;
            case "Log.entryAdded" when p["entry"] is JsonNode entry && Text(entry, "level") == "error":
                _errors.Enqueue($"log ({Text(entry, "source")}): {Text(entry, "text")} {Text(entry, "url")}");
                break;
        }
    }

    private static string? Text(JsonNode node, string key) => node[key]?.GetValue<string>();

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited && !process.WaitForExit(3000)) process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        catch (InvalidOperationException) { }
    }
}
