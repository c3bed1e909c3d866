using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Update;

namespace IndustryWeek.Shared.Persistence;

/// <summary>
/// SQL Server's migration SQL, told the module's model. The hand-written migrations have no target model (no
/// snapshot), and without one EF's SQL Server generator guesses: a string key or indexed column without a
/// length becomes nvarchar(max), which SQL Server cannot index, and a unique index gets a « WHERE … IS NOT
/// NULL » filter as if its columns were nullable. With the model it gives them the model's type (nvarchar(450))
/// and filter, as it does for scaffolded migrations. A column the migration describes differently (another
/// length, a table the model no longer has) keeps the migration's own description: EF uses the model's column
/// only where the facets agree.
/// </summary>
#pragma warning disable EF1001 // SqlServerMigrationsSqlGenerator is EF's public extension point for this provider's SQL
internal sealed class ModelAwareSqlServerMigrationsSqlGenerator(
    MigrationsSqlGeneratorDependencies dependencies,
    ICommandBatchPreparer commandBatchPreparer)
    : Microsoft.EntityFrameworkCore.Migrations.SqlServerMigrationsSqlGenerator(dependencies, commandBatchPreparer)
{
    public override IReadOnlyList<MigrationCommand> Generate(
        IReadOnlyList<MigrationOperation> operations,
        IModel? model = null,
        MigrationsSqlGenerationOptions options = MigrationsSqlGenerationOptions.Default) =>
        // The migrator passes an empty model for a migration without a target model.
        base.Generate(
            operations,
            model is not null && model.GetEntityTypes().Any() ? model : Dependencies.CurrentContext.Context.GetService<IDesignTimeModel>().Model,
            options);
}
#pragma warning restore EF1001
