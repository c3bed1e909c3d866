using FluentValidation;
using IndustryWeek.Operations.Features.Journal;
using IndustryWeek.Shared.Jobs;
using IndustryWeek.Shared.Outbox;
using IndustryWeek.Shared.Web;
using MediatR;

namespace IndustryWeek.Operations.Features.Jobs;

/// <summary>GET /api/ops/jobs?state=&amp;q=&amp;page=: jobs by state, searched by type, key, event or label number, correlation id.</summary>
internal sealed record SearchJobsQuery(string? State, string? Text, PageRequest Page) : IRequest<JobsPageDto>
{
    public JobState? ParsedState => Enum.TryParse<JobState>(State, ignoreCase: true, out var state) ? state : null;
}

internal sealed class SearchJobsValidator : AbstractValidator<SearchJobsQuery>
{
    public SearchJobsValidator()
    {
        RuleFor(q => q.State).Must(s => string.IsNullOrEmpty(s) || (Enum.TryParse<JobState>(s, ignoreCase: true, out _) && !int.TryParse(s, out _)))
            .WithMessage("L'état est Scheduled, Processing, Retrying, Succeeded, Failed ou Deleted.");
        RuleFor(q => q.Text).MaximumLength(200).WithMessage("La recherche fait au plus 200 caractères.")
            .OverridePropertyName("q"); // the error is under the parameter the client sent (?q=)
    }
}

/// <summary>GET /api/ops/jobs/{id}: the job, every attempt, its cause and what operators did to it.</summary>
internal sealed record GetJobQuery(long Id) : IRequest<JobDetailsDto?>;

internal sealed class JobQueryHandlers(IJobOperations jobs, IOutboxOperations outbox, IMediator mediator) :
    IRequestHandler<SearchJobsQuery, JobsPageDto>,
    IRequestHandler<GetJobQuery, JobDetailsDto?>
{
    public async Task<JobsPageDto> Handle(SearchJobsQuery request, CancellationToken cancellationToken)
    {
        var page = await jobs.SearchAsync(new JobSearch(request.ParsedState, request.Text, request.Page), cancellationToken);
        return new JobsPageDto(page.Items.Select(j => j.ToDto()).ToList(), page.Total);
    }

    public async Task<JobDetailsDto?> Handle(GetJobQuery request, CancellationToken cancellationToken)
    {
        var details = await jobs.GetAsync(request.Id, cancellationToken);
        if (details is null)
        {
            return null;
        }

        var cause = details.CauseMessageId is { } messageId ? await outbox.FindAsync(messageId, cancellationToken) : null;
        var actions = await mediator.Send(new GetActionsQuery(PageRequest.First(), request.Id), cancellationToken);
        return details.ToDto(cause, actions.Items);
    }
}
