using Google.Protobuf;
using MassTransit;

namespace Platform.Contracts.Messaging;

/// <summary>Names each event's exchange after its proto full name (platform.events.v1.DocumentExtracted).</summary>
public sealed class ProtobufEntityNameFormatter(IEntityNameFormatter fallback) : IEntityNameFormatter
{
    /// <inheritdoc />
    public string FormatEntityName<T>() => ProtobufParsers.FullName(typeof(T)) ?? fallback.FormatEntityName<T>();
}

/// <summary>Bus settings every Platform bus shares, whatever the transport.</summary>
public static class ProtobufBusConfiguration
{
    /// <summary>
    /// Protobuf bodies, proto-named exchanges, and no exchanges for Google.Protobuf's own interfaces
    /// (IMessage, IMessage&lt;T&gt;, IBufferMessage, IDeepCloneable&lt;T&gt;), which MassTransit would
    /// otherwise add to the publish topology of every event.
    /// </summary>
    public static void UseProtobufContracts(this IBusFactoryConfigurator cfg)
    {
        cfg.ClearSerialization();
        cfg.AddSerializer(new ProtobufSerializerFactory());
        cfg.AddDeserializer(new ProtobufSerializerFactory(), isDefault: true);
        cfg.MessageTopology.SetEntityNameFormatter(new ProtobufEntityNameFormatter(cfg.MessageTopology.EntityNameFormatter));

        var exclude = typeof(ProtobufBusConfiguration).GetMethod(nameof(Exclude), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;
        var protobufInterfaces = typeof(ProtobufBusConfiguration).Assembly.GetTypes()
            .Where(t => t.IsClass && typeof(IMessage).IsAssignableFrom(t))
            .SelectMany(t => t.GetInterfaces())
            .Where(i => i.Namespace == typeof(IMessage).Namespace)
            .Distinct();
        foreach (var iface in protobufInterfaces)
            exclude.MakeGenericMethod(iface).Invoke(null, [cfg]);
    }

    private static void Exclude<T>(IBusFactoryConfigurator cfg)
        where T : class =>
        cfg.Publish<T>(p => p.Exclude = true);
}
