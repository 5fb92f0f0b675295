using Waitlist.Infrastructure.Database;

namespace Waitlist.Tests.Infrastructure;

public sealed class ConnectionTuningTests
{
    [Fact]
    public void Connections_prepare_frequent_statements_and_skip_the_pool_reset()
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionTuning.Apply("Host=db.internal;Username=app;Password='p;ss';Database=waitlist"));

        Assert.Equal(("db.internal", "app", "p;ss", "waitlist"), (builder.Host, builder.Username, builder.Password, builder.Database));
        Assert.Equal((20, 2, true), (builder.MaxAutoPrepare, builder.AutoPrepareMinUsages, builder.NoResetOnClose));
    }

    [Theory]
    [InlineData("Host=h;No Reset On Close=false;Max Auto Prepare=0")]
    [InlineData("Host=h;noresetonclose=false;MAXAUTOPREPARE=0")]
    public void The_connection_strings_own_values_win_however_they_are_spelled(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionTuning.Apply(connectionString));

        Assert.Equal((0, false), (builder.MaxAutoPrepare, builder.NoResetOnClose));
    }
}
