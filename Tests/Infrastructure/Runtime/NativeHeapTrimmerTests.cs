using System.Runtime.InteropServices;
using Waitlist.Infrastructure.Runtime;

namespace Waitlist.Tests.Infrastructure.Runtime;

/// <summary>Reads which of the process's pages are in memory, so it runs alone, after the parallel tests.</summary>
[CollectionDefinition(nameof(NativeHeapTrimmerTests), DisableParallelization = true)]
public sealed class NativeHeapTrimmerCollection;

[Collection(nameof(NativeHeapTrimmerTests))]
public sealed class NativeHeapTrimmerTests(ApiFixture fixture) : ApiTests<ApiFixture>(fixture)
{
    private const int BlockSize = 16 * 1024; // far below malloc's mmap threshold: served from its heaps
    private const int BlockCount = 2048;     // 32 MB: what other threads may take of it stays a small share
    private static readonly int PageSize = Environment.SystemPageSize;
    private static readonly byte[] Written = Enumerable.Repeat((byte)1, BlockSize).ToArray();

    [Fact]
    public async Task Memory_freed_below_the_top_of_a_malloc_heap_goes_back_to_the_system()
    {
        Assert.True(OperatingSystem.IsLinux());
        await Api.CreateClient().GetAsync("/health"); // the host, and with it the trimmer, runs

        var blocks = new nint[BlockCount];
        for (var i = 0; i < BlockCount; i++)
        {
            blocks[i] = Marshal.AllocHGlobal(BlockSize);
            Marshal.Copy(Written, 0, blocks[i], BlockSize);
        }
        // One block after them keeps them below the heap's top: free() alone gives back only the top.
        var above = Marshal.AllocHGlobal(BlockSize);
        try
        {
            foreach (var block in blocks)
                Marshal.FreeHGlobal(block);

            // The lowest share seen, since other threads may take the freed memory again after a pass (touching it).
            var lowest = ResidentShare(blocks);
            var deadline = DateTime.UtcNow + NativeHeapTrimmer.Interval + TimeSpan.FromSeconds(5);
            while (lowest > 0.5 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
                lowest = Math.Min(lowest, ResidentShare(blocks));
            }

            Assert.True(lowest <= 0.5, $"{lowest:P0} of the freed pages stayed in memory");
        }
        finally
        {
            Marshal.FreeHGlobal(above);
        }
    }

    /// <summary>The share of the whole pages inside the blocks that are in memory.</summary>
    private static double ResidentShare(nint[] blocks)
    {
        int pages = 0, resident = 0;
        var vector = new byte[BlockSize / PageSize];
        foreach (var block in blocks)
        {
            var start = (block + PageSize - 1) & ~(nint)(PageSize - 1);
            var count = (int)((block + BlockSize - start) / PageSize);
            Assert.Equal(0, mincore(start, (nuint)(count * PageSize), vector));
            pages += count;
            resident += vector.Take(count).Count(page => (page & 1) == 1);
        }
        return (double)resident / pages;
    }

    [DllImport("libc.so.6")]
    private static extern int mincore(nint address, nuint length, [Out] byte[] vector);
}
