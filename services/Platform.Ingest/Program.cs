using Platform.Ingest;
using Platform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddIngest();
builder.AddPlatformBus();
var app = builder.Build();
app.MapDefaultEndpoints();
app.MapIngest();
app.Run();
