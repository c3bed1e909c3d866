using IndustryWeek.CommunicationKit;
using IndustryWeek.Host.Features.ApiReference;
using IndustryWeek.Host.Features.Legal;
using IndustryWeek.Host.Features.SearchEngines;
using IndustryWeek.Host.Features.Telemetry;
using IndustryWeek.Editions;
using IndustryWeek.Labelling;
using IndustryWeek.Map;
using IndustryWeek.Operations;
using IndustryWeek.Registration;
using IndustryWeek.Shared;
using IndustryWeek.Shared.Observability;
using IndustryWeek.Shared.Jobs;
using IndustryWeek.Shared.Persistence;
using IndustryWeek.Shared.Web;

try
{
    var builder = WebApplication.CreateBuilder(args);
    var migrationScript = MigrationScriptOptions.FromArguments(args);
    if (migrationScript is not null)
    {
        builder.Configuration.AddInMemoryCollection(migrationScript.Settings());
    }

    builder.Services.AddSharedKernel(builder.Configuration, builder.Environment);
    builder.Services.AddReverseProxySupport(builder.Configuration);
    builder.Services.AddSecurityHeaders(builder.Configuration); // checks Map:EmbedAllowedOrigins
    builder.Services.AddAnswerCompression();
    builder.Services.AddApiDocument();
    builder.Services.AddSingleton(LegalNoticeSettings.From(builder.Configuration));
    builder.Services.AddTelemetryExport(builder.Configuration); // nothing unless OpenTelemetry:Endpoint is set
    builder.Services.AddRazorPages(o =>
    {
        o.RootDirectory = "/Features"; // pages live in their modules' feature folders
        o.Conventions.AddPageApplicationModelConvention("/Home/HomePage", page => page.EndpointMetadata.Add(new CompressedOverHttpsAttribute()));
    });

    builder.Services.AddEditionsModule(builder.Configuration);
    builder.Services.AddRegistrationModule(builder.Configuration);
    builder.Services.AddLabellingModule(builder.Configuration);
    builder.Services.AddCommunicationKitModule(builder.Configuration);
    builder.Services.AddMapModule(builder.Configuration);
    builder.Services.AddOperationsModule(builder.Configuration);

    var app = builder.Build();
    if (migrationScript is not null)
    {
        // `dotnet run --project src/Host -- migrations-script --provider PostgreSql [--output file.sql]`: the SQL, never a connection.
        var sql = MigrationScripts.Generate(app.Services);
        if (migrationScript.Output is null)
        {
            await Console.Out.WriteAsync(sql);
        }
        else
        {
            await File.WriteAllTextAsync(migrationScript.Output, sql);
        }

        return 0;
    }

    await app.Services.MigrateModuleDatabasesAsync();
    if (args.Contains("seed-demo"))
    {
        // `dotnet run --project src/Host -- seed-demo`: the demo data, through the modules' own commands.
        await app.Services.SeedDemoAsync(DemoOptions.FromArguments(args));
        return 0;
    }

    app.UseReverseProxySupport();
    app.UseHeadAsGet(); // before routing: HEAD is routed as GET, without the body
    app.UseResponseCompression(); // inside HeadAsGet: a HEAD answer carries the headers of the GET's
    app.UseRouting();
    app.UseCorrelation();
    app.UseSecurityHeaders();
    app.UseErrorAnswers(); // French pages for people, problem details for the API
    app.UseTextWithoutControlCharacters(); // after routing (route values) and the exception handler (its 400)
    app.UseAuthentication();
    app.UseCompressionOverHttpsRule(); // after authentication: signed-in visitors' answers stay uncompressed over HTTPS
    app.UseAuthorization();
    app.UseRateLimiter();

    // wwwroot (DSFR, Leaflet, the project's files) as endpoints built at compile time: compressed forms chosen by
    // Accept-Encoding, ETags, and fingerprinted URLs cached for a year by the pages that use them (« ~/… »).
    app.MapStaticAssets();
    app.MapOpenApi("/openapi/{documentName}.json");
    app.MapApiReference(); // /api/docs, from the document above
    app.MapHealthEndpoints();
    app.MapRobotsTxt();
    app.MapRazorPages().WithStaticAssets();

    app.MapEditionsModule();
    app.MapRegistrationModule();
    app.MapLabellingModule();
    app.MapCommunicationKitModule();
    app.MapMapModule();
    app.MapOperationsModule();
    app.MapJobsDashboard();

    if (!app.Services.GetRequiredService<LegalNoticeSettings>().NamesTheHost)
    {
        app.Logger.LogWarning("Mentions légales : l'hébergeur n'est pas nommé (réglages Legal:HostName, Legal:HostAddress et Legal:HostPhone, voir docs/operations.md).");
    }

    await app.RunAsync();
    return 0;
}
catch (StartupException e)
{
    // One clear line naming the setting, not a stack trace.
    await Console.Error.WriteLineAsync(e.Message);
    return 1;
}

#pragma warning disable CA1050 // the entry point's class is global by design (WebApplicationFactory<Program>)
public partial class Program;
#pragma warning restore CA1050
