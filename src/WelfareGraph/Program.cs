using WelfareGraph;

var builder = WebApplication.CreateBuilder(args);
builder.AddWelfareGraph();

var app = builder.Build();
app.MapWelfareGraph();
app.Run();

// Lets the tests host this exact composition with WebApplicationFactory<Program>.
public partial class Program;
