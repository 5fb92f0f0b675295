using Waitlist.Features.Cron;
using Waitlist.Features.OpenGraph;
using Waitlist.Infrastructure.Auth;
using Waitlist.Infrastructure.Configuration;
using Waitlist.Infrastructure.Database;
using Waitlist.Infrastructure.Email;
using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.Errors;
using Waitlist.Infrastructure.Health;
using Waitlist.Infrastructure.Http;
using Waitlist.Infrastructure.OpenApi;
using Waitlist.Infrastructure.RateLimiting;
using Waitlist.Infrastructure.Validation;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddEnvironmentAliases();

// Infrastructure every feature shares
builder.AddHttpPipeline();
builder.Services
    .AddErrorHandling()
    .AddDatabase()
    .AddHealth()
    .AddEmail()
    .AddIpRateLimiting()
    .AddAuth()
    .AddApiDocumentation();

// Features: handlers and validators are discovered, one folder per use case
builder.Services
    .AddHandlers()
    .AddValidators()
    .AddCron()
    .AddOpenGraph();

var app = builder.Build();

app.UseHttpPipeline();
app.UseErrorHandling();
app.UseRateLimiter();
app.UseAuth();
app.UseApiDocumentation();
app.MapEndpoints();

app.Run();

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
