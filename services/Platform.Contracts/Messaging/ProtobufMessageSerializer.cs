using System.Collections.Concurrent;
using System.Net.Mime;
using System.Reflection;
using System.Runtime.Serialization;
using System.Text.Json;
using Google.Protobuf;
using MassTransit;
using MassTransit.Serialization;

namespace Platform.Contracts.Messaging;

/// <summary>
/// Puts protobuf messages on the bus as their plain wire bytes (no envelope), so a subscriber in any
/// language decodes the body with the same .proto. MassTransit's own headers travel as transport headers.
/// </summary>
public sealed class ProtobufMessageSerializer : RawMessageSerializer, IMessageSerializer, IMessageDeserializer
{
    /// <summary>Content type of every event body.</summary>
    public static readonly ContentType ProtobufContentType = new("application/x-protobuf");

    /// <summary>The serializer registered on every bus.</summary>
    public static readonly ProtobufMessageSerializer Instance = new();

    /// <inheritdoc />
    public ContentType ContentType => ProtobufContentType;

    /// <inheritdoc />
    public void Probe(ProbeContext context)
    {
        var scope = context.CreateScope("protobuf");
        scope.Add("contentType", ContentType.MediaType);
    }

    /// <inheritdoc />
    public MessageBody GetMessageBody<T>(SendContext<T> context)
        where T : class
    {
        if (context.Message is not IMessage message)
            throw new SerializationException($"{typeof(T).Name} is not a protobuf message; only platform.*.v1 contracts travel on this bus");

        SetRawMessageHeaders(context);
        return new ProtobufMessageBody(message);
    }

    /// <inheritdoc />
    public ConsumeContext Deserialize(ReceiveContext receiveContext) =>
        new BodyConsumeContext(receiveContext, Deserialize(receiveContext.Body, receiveContext.TransportHeaders, receiveContext.InputAddress));

    /// <inheritdoc />
    public SerializerContext Deserialize(MessageBody body, Headers headers, Uri? destinationAddress = null)
    {
        var messageContext = new RawMessageContext(headers, destinationAddress, RawSerializerOptions.Default);
        return new ProtobufSerializerContext(messageContext, body.GetBytes(), headers.GetMessageTypes());
    }

    /// <inheritdoc />
    public MessageBody GetMessageBody(string text) => new StringMessageBody(text);
}

/// <summary>Registers <see cref="ProtobufMessageSerializer"/> with MassTransit.</summary>
public sealed class ProtobufSerializerFactory : ISerializerFactory
{
    /// <inheritdoc />
    public ContentType ContentType => ProtobufMessageSerializer.ProtobufContentType;

    /// <inheritdoc />
    public IMessageSerializer CreateSerializer() => ProtobufMessageSerializer.Instance;

    /// <inheritdoc />
    public IMessageDeserializer CreateDeserializer() => ProtobufMessageSerializer.Instance;
}

internal sealed class ProtobufMessageBody(IMessage message) : MessageBody
{
    private byte[]? _bytes;

    public long? Length => GetBytes().Length;

    public Stream GetStream() => new MemoryStream(GetBytes(), writable: false);

    public byte[] GetBytes() => _bytes ??= message.ToByteArray();

    public string GetString() => Convert.ToBase64String(GetBytes());
}

/// <summary>Parses the body lazily into whichever protobuf type the consumer asks for.</summary>
internal sealed class ProtobufSerializerContext(MessageContext messageContext, byte[] body, string[] messageTypes)
    : BaseSerializerContext(SystemTextJsonMessageSerializer.Instance, messageContext, messageTypes)
{
    private readonly ConcurrentDictionary<Type, object> _parsed = new();

    public override bool IsSupportedMessageType<T>() => IsSupportedMessageType(typeof(T));

    // Protobuf bytes parse (wrongly) as almost any message type, so trust the MT-MessageType header when there is
    // one: an endpoint that consumes several event types must only hand each body to its own type. A publisher
    // without the header (another language) gets whatever type the consumer asks for.
    public override bool IsSupportedMessageType(Type messageType) =>
        typeof(IMessage).IsAssignableFrom(messageType)
        && (SupportedMessageTypes.Length == 0 || SupportedMessageTypes.Contains(MessageUrn.ForTypeString(messageType), StringComparer.Ordinal));

    public override bool TryGetMessage<T>(out T? message)
        where T : class
    {
        if (TryGetMessage(typeof(T), out var value) && value is T typed)
        {
            message = typed;
            return true;
        }

        message = null;
        return false;
    }

    public override bool TryGetMessage(Type messageType, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out object? message)
    {
        var parser = ProtobufParsers.For(messageType);
        if (parser is null || !IsSupportedMessageType(messageType))
        {
            message = null;
            return false;
        }

        try
        {
            message = _parsed.GetOrAdd(messageType, _ => parser.ParseFrom(body));
            return true;
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new SerializationException($"The body is not a valid {messageType.Name}", ex);
        }
    }

    public override IMessageSerializer GetMessageSerializer() => ProtobufMessageSerializer.Instance;

    public override IMessageSerializer GetMessageSerializer<T>(MessageEnvelope envelope, T message) => ProtobufMessageSerializer.Instance;

    public override IMessageSerializer GetMessageSerializer(object message, string[] messageTypes) => ProtobufMessageSerializer.Instance;

    public override Dictionary<string, object> ToDictionary<T>(T? message)
        where T : class
    {
        if (message is not IMessage protobuf)
            return new Dictionary<string, object>();
        using var json = JsonDocument.Parse(JsonFormatter.Default.Format(protobuf));
        return json.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => (object)p.Value.Clone());
    }
}

/// <summary>Finds the generated static <c>Parser</c> of a protobuf message type, once per type.</summary>
public static class ProtobufParsers
{
    private static readonly ConcurrentDictionary<Type, MessageParser?> Cache = new();

    /// <summary>The parser of <paramref name="type"/>, or null when it is not a generated protobuf message.</summary>
    public static MessageParser? For(Type type) =>
        Cache.GetOrAdd(type, static t =>
            typeof(IMessage).IsAssignableFrom(t)
                ? t.GetProperty("Parser", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as MessageParser
                : null);

    /// <summary>The proto full name ("platform.events.v1.DocumentSubmitted") of a generated message type.</summary>
    public static string? FullName(Type type) =>
        typeof(IMessage).IsAssignableFrom(type)
            ? (type.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as Google.Protobuf.Reflection.MessageDescriptor)?.FullName
            : null;
}
