using System.Collections.Concurrent;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace IndustryWeek.Host.Tests.Telemetry;

/// <summary>A span as exported: ids in hex, its attributes as text.</summary>
public sealed record ReceivedSpan(string TraceId, string SpanId, string ParentSpanId, string Name, int Kind, IReadOnlyDictionary<string, string> Attributes);

/// <summary>A metric as exported, with each data point's attributes and value (gauges and sums only).</summary>
public sealed record ReceivedMetric(string Name, IReadOnlyList<ReceivedPoint> Points);

public sealed record ReceivedPoint(IReadOnlyDictionary<string, string> Attributes, double Value);

/// <summary>
/// What a collector would receive: a small Kestrel on 127.0.0.1 (free port) taking OTLP/HTTP protobuf exports,
/// POST /v1/traces and /v1/metrics. OpenTelemetry.Proto is not served, so the few fields the tests read are
/// decoded by their numbers in opentelemetry-proto (trace/v1/trace.proto, metrics/v1/metrics.proto, common/v1/common.proto).
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedSpan> _spans = new();
    private readonly ConcurrentQueue<ReceivedMetric> _metrics = new();

    private OtlpReceiver(WebApplication app) => _app = app;

    public string Endpoint => _app.Urls.Single();

    public IReadOnlyList<ReceivedSpan> Spans => [.. _spans];

    public IReadOnlyList<ReceivedMetric> Metrics => [.. _metrics];

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        var receiver = new OtlpReceiver(builder.Build());
        receiver._app.MapPost("/v1/traces", async (HttpRequest request) => await TakeAsync(request, receiver.ReadTraces));
        receiver._app.MapPost("/v1/metrics", async (HttpRequest request) => await TakeAsync(request, receiver.ReadMetrics));
        await receiver._app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static async Task<IResult> TakeAsync(HttpRequest request, Action<ByteString> read)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        read(ByteString.CopyFrom(body.ToArray()));
        return Results.Bytes([], "application/x-protobuf"); // an empty Export*ServiceResponse: all accepted
    }

    // ExportTraceServiceRequest.resource_spans = 1 → ResourceSpans.scope_spans = 2 → ScopeSpans.spans = 2 → Span:
    // trace_id = 1, span_id = 2, parent_span_id = 4, name = 5, kind = 6, attributes = 9.
    private void ReadTraces(ByteString request)
    {
        foreach (var span in Messages(request, 1).SelectMany(r => Messages(r, 2)).SelectMany(s => Messages(s, 2)))
        {
            var fields = Fields(span);
            _spans.Enqueue(new ReceivedSpan(
                Hex(fields, 1), Hex(fields, 2), Hex(fields, 4), Text(fields, 5),
                (int)fields.Where(f => f.Number == 6).Select(f => f.Varint).FirstOrDefault(),
                Attributes(fields, 9)));
        }
    }

    // ExportMetricsServiceRequest.resource_metrics = 1 → ResourceMetrics.scope_metrics = 2 → ScopeMetrics.metrics = 2 →
    // Metric: name = 1, gauge = 5, sum = 7 (each with data_points = 1 → NumberDataPoint: attributes = 7, as_double = 4, as_int = 6).
    private void ReadMetrics(ByteString request)
    {
        foreach (var metric in Messages(request, 1).SelectMany(r => Messages(r, 2)).SelectMany(s => Messages(s, 2)))
        {
            var fields = Fields(metric);
            var points = fields.Where(f => f.Number is 5 or 7).SelectMany(f => Messages(f.Bytes!, 1))
                .Select(p => Fields(p))
                .Select(p => new ReceivedPoint(Attributes(p, 7), p.Where(f => f.Number is 4 or 6).Select(f => f.Number == 4 ? BitConverter.UInt64BitsToDouble(f.Varint) : (long)f.Varint).FirstOrDefault()))
                .ToList();
            _metrics.Enqueue(new ReceivedMetric(Text(fields, 1), points));
        }
    }

    /// <summary>One field of a message: its number and either its bytes (length-delimited) or its number value.</summary>
    private sealed record Field(int Number, ByteString? Bytes, ulong Varint);

    private static List<Field> Fields(ByteString message)
    {
        var fields = new List<Field>();
        var input = new CodedInputStream(message.ToByteArray());
        for (var tag = input.ReadTag(); tag != 0; tag = input.ReadTag())
        {
            var number = WireFormat.GetTagFieldNumber(tag);
            fields.Add(WireFormat.GetTagWireType(tag) switch
            {
                WireFormat.WireType.LengthDelimited => new Field(number, input.ReadBytes(), 0),
                WireFormat.WireType.Varint => new Field(number, null, input.ReadUInt64()),
                WireFormat.WireType.Fixed64 => new Field(number, null, input.ReadFixed64()),
                WireFormat.WireType.Fixed32 => new Field(number, null, input.ReadFixed32()),
                var other => throw new InvalidDataException($"wire type {other} is not used by OTLP"),
            });
        }

        return fields;
    }

    private static IEnumerable<ByteString> Messages(ByteString message, int number) =>
        Fields(message).Where(f => f.Number == number && f.Bytes is not null).Select(f => f.Bytes!);

    private static string Text(List<Field> fields, int number) => fields.FirstOrDefault(f => f.Number == number)?.Bytes?.ToStringUtf8() ?? "";

    private static string Hex(List<Field> fields, int number) =>
        Convert.ToHexStringLower(fields.FirstOrDefault(f => f.Number == number)?.Bytes?.ToByteArray() ?? []);

    // KeyValue: key = 1, value = 2 → AnyValue: string_value = 1, bool_value = 2, int_value = 3.
    private static Dictionary<string, string> Attributes(List<Field> fields, int number) =>
        fields.Where(f => f.Number == number && f.Bytes is not null).Select(f => Fields(f.Bytes!)).ToDictionary(
            kv => Text(kv, 1),
            kv => kv.Where(f => f.Number == 2).Select(f => Fields(f.Bytes!)).Select(v => v.FirstOrDefault() switch
            {
                { Number: 1, Bytes: { } text } => text.ToStringUtf8(),
                { Number: 2 } b => b.Varint != 0 ? "true" : "false",
                { Number: 3 } i => ((long)i.Varint).ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => "",
            }).FirstOrDefault() ?? "",
            StringComparer.Ordinal);
}
