namespace Waitlist.Tests.Infrastructure.Images;

public sealed class LibVipsTests(ApiFixture fixture) : ApiTests<ApiFixture>(fixture)
{
    [Fact]
    public async Task Loads_none_of_the_format_modules_that_nothing_here_reads()
    {
        // A preview is drawn with libvips, so it is loaded and initialised in this process, the test host's.
        var response = await Api.CreateClient().GetAsync("/api/og?title=M%C3%B3dulos");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var maps = await File.ReadAllTextAsync("/proc/self/maps");
        Assert.Contains("libvips.so.42", maps);
        Assert.DoesNotContain("vips-modules-", maps);
        Assert.DoesNotContain("libMagickCore", maps);
        Assert.DoesNotContain("libpoppler", maps);
    }
}
