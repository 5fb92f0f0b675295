using Waitlist.Features.Cron;
using Waitlist.Features.Messaging;
using Waitlist.Features.OpenGraph;
using Waitlist.Features.Profile;
using Waitlist.Features.Waitlist;
using Waitlist.Infrastructure.Health;
using Waitlist.Infrastructure.Logging;
using Waitlist.Infrastructure.OpenApi;
using Waitlist.Infrastructure.Runtime;

// The slim host leaves out what this API does not use (IIS, HTTP/3, hosting start-up assemblies, host filtering):
// assemblies that would otherwise be loaded and kept in memory. HTTPS endpoints from the Kestrel configuration stay.
var builder = WebApplication.CreateSlimBuilder(args);
builder.WebHost.UseKestrelHttpsConfiguration();
builder.Configuration.AddEnvironmentAliases();

// Infrastructure every feature shares
builder.AddConsoleLogging();
builder.AddHttpPipeline();
builder.Services
    .AddErrorHandling()
    .AddDatabase()
    .AddHealth()
    .AddNotifications()
    .AddEmail()
    .AddRateLimiting()
    .AddApiDocumentation()
    .AddNativeHeapTrimming();

// Features; their endpoints, handlers and validators are discovered, one folder per use case
builder.Services
    .AddAuth()
    .AddWaitlist()
    .AddCron()
    .AddOpenGraph()
    .AddProfile()
    .AddMessaging()
    .AddHandlers()
    .AddValidators()
    .AddPersonalData();

var app = builder.Build();

app.UseHttpPipeline();
app.UseErrorHandling();
app.UseEndpointRouting(); // public content ends here
app.UseAuth();          // before the limiter: a policy may count per signed-in user
app.UseRateLimiter();
app.UseApiDocumentation();
app.MapEndpoints();

app.Run();

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
