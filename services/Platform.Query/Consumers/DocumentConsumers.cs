using MassTransit;
using Platform.Contracts.Events.V1;
using Platform.Query.Storage;

namespace Platform.Query.Consumers;

public sealed class DocumentSubmittedConsumer(QueryEventApplier applier) : IConsumer<DocumentSubmitted>
{
    public const string EndpointName = "query.document-submitted";

    public Task Consume(ConsumeContext<DocumentSubmitted> context) => applier.ApplyAsync(QueryEvent.From(context.Message), context.CancellationToken);
}

public sealed class DocumentExtractedConsumer(QueryEventApplier applier) : IConsumer<DocumentExtracted>
{
    public const string EndpointName = "query.document-extracted";

    public Task Consume(ConsumeContext<DocumentExtracted> context) => applier.ApplyAsync(QueryEvent.From(context.Message), context.CancellationToken);
}

public sealed class ExtractionFailedConsumer(QueryEventApplier applier) : IConsumer<ExtractionFailed>
{
    public const string EndpointName = "query.extraction-failed";

    public Task Consume(ConsumeContext<ExtractionFailed> context) => applier.ApplyAsync(QueryEvent.From(context.Message), context.CancellationToken);
}
