using Platform.Query;
using Platform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddQuery();
builder.AddPlatformBus();
var app = builder.Build();
app.MapDefaultEndpoints();
app.MapQuery();
app.Run();
