using Dapper;
using Npgsql;
using Waitlist.Infrastructure.Email;
using Waitlist.Infrastructure.Endpoints;

namespace Waitlist.Features.Waitlist.JoinWaitlist;

public sealed class Handler(NpgsqlDataSource dataSource, EmailTemplates templates) : IHandler
{
    // The unique lower(email) index decides duplicates: ON CONFLICT turns even a concurrent one into "no row".
    // NOT EXISTS keeps an ordinary duplicate from drawing a queue position (the identity). PostgreSQL lower-cases the address
    // because its lower() and .NET's disagree on some letters (İ), and the table's check uses PostgreSQL's.
    private const string InsertSql = """
        INSERT INTO waitlist_entries (id, email, type, name, field, company)
        SELECT @Id, lower(@Email), @Type, @Name, @Field, @Company
        WHERE NOT EXISTS (SELECT 1 FROM waitlist_entries WHERE lower(email) = lower(@Email))
        ON CONFLICT ((lower(email))) DO NOTHING
        RETURNING id, email, type, name, field, company, created_at AS createdat, position
        """;

    /// <returns>The created entry, or null when the email was already on the list.</returns>
    public async Task<Response?> HandleAsync(Request request, CancellationToken cancellationToken)
    {
        var entry = request.Normalized();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        var created = await connection.QuerySingleOrDefaultAsync<Response>(new CommandDefinition(
            InsertSql, new { Id = Guid.CreateVersion7(), entry.Email, entry.Type, entry.Name, entry.Field, entry.Company }, transaction, cancellationToken: cancellationToken));
        if (created is null)
            return null;

        var email = templates.Render("WaitlistConfirmation", created.Email, WaitlistTexts.ConfirmationSubject, created);
        await EmailOutbox.EnqueueAsync(transaction, email, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return created;
    }
}
