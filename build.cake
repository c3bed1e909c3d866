// Build script (Cake 7, a dotnet local tool): `dotnet tool restore && dotnet cake --target=<Target>`.
//   Build         restore and build the whole solution
//   Test          the README's `dotnet test` on the whole solution (PostgreSQL cases run when configured)
//   TestPostgres  the same suite with PostgreSQL required (INDUSTRYWEEK_TEST_POSTGRES must be set)
//   CI            what .ci/run calls: PostgreSQL required (CI=true), the whole suite

var target = Argument("target", "Test");
var configuration = Argument("configuration", "Debug");
const string Solution = "IndustryWeek.slnx";
const string PostgresVariable = "INDUSTRYWEEK_TEST_POSTGRES";

void RequirePostgres()
{
    if (string.IsNullOrWhiteSpace(EnvironmentVariable(PostgresVariable)))
    {
        throw new Exception($"PostgreSQL is required: set {PostgresVariable} (see README, or run .ci/run).");
    }
}

void RunTests()
{
    // The README's test command, on the built solution.
    var exitCode = StartProcess("dotnet", new ProcessSettings
    {
        Arguments = $"test {Solution} --configuration {configuration} --no-build",
    });
    if (exitCode != 0)
    {
        throw new Exception($"dotnet test failed ({exitCode}).");
    }
}

Task("Build")
    .Does(() => DotNetBuild(Solution, new DotNetBuildSettings { Configuration = configuration }));

Task("Test")
    .IsDependentOn("Build")
    .Does(RunTests);

Task("TestPostgres")
    .IsDependentOn("Build")
    .Does(() =>
    {
        RequirePostgres();
        RunTests();
    });

Task("CI")
    .Does(() =>
    {
        if (!string.Equals(EnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new Exception("The CI target runs with CI=true (a missing PostgreSQL must fail, never skip).");
        }

        RequirePostgres();
    })
    .IsDependentOn("TestPostgres");

RunTarget(target);
