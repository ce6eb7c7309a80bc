using Platform.Extraction;
using Platform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddExtraction();
builder.AddPlatformBus();
var app = builder.Build();
app.MapDefaultEndpoints();
app.MapExtraction();
app.Run();
