using Platform.AllInOne;
using Platform.Extraction;
using Platform.Ingest;
using Platform.Query;
using Platform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddIngest();
builder.AddExtraction();
builder.AddQuery();
builder.AddPlatformBus();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapIngest();
app.MapExtraction();
app.MapQuery();
app.Lifetime.ApplicationStarted.Register(() => AllInOneBanner.Print(app));
app.Run();
