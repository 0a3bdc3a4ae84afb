using System.IO.Compression;
using CheckinBot.Core.Pings;
using CheckinBot.Pings.Model;

namespace CheckinBot.Pings.Tests;

public class ModelFileTests
{
    [Fact]
    public void A_written_model_reads_back_with_the_same_weights_and_biases()
    {
        var weights = new float[(1 << 8) * PingModel.Classes];
        weights[7 * PingModel.Classes + 1] = 0.5f;
        weights[200 * PingModel.Classes + 2] = -1.25f;
        var model = new PingModel(8, weights, [0.1f, -0.2f, 0.3f]);

        var again = RoundTrip(model);

        again.Features.Should().Be(2);
        again.Weight(7, PingClass.StatusCheck).Should().Be(0.5f);
        again.Weight(200, PingClass.Urgent).Should().Be(-1.25f);
        Probabilities(again, [7, 200]).Should().Equal(Probabilities(model, [7, 200]));
    }

    [Fact]
    public void The_committed_model_reads_back_as_it_was_written()
    {
        var committed = PingClassifiers.Committed.Model;

        var again = RoundTrip(committed);

        again.Features.Should().Be(committed.Features);
        Probabilities(again, [1, 2, 3, 40_000]).Should().Equal(Probabilities(committed, [1, 2, 3, 40_000]));
    }

    [Fact]
    public void A_file_cut_short_is_refused_as_invalid_data()
    {
        var model = new PingModel(8, new float[(1 << 8) * PingModel.Classes], [0f, 0f, 0f]);
        using var written = new MemoryStream();
        model.Write(written);
        var whole = Unzipped(written.ToArray());

        var read = () => PingModel.Read(new MemoryStream(Zipped(whole[..^3])));

        read.Should().Throw<InvalidDataException>();
    }

    [Fact]
    public void A_file_that_is_no_ping_model_is_refused_as_invalid_data()
    {
        var read = () => PingModel.Read(new MemoryStream(Zipped([1, 2, 3, 4, 5, 6, 7, 8])));

        read.Should().Throw<InvalidDataException>();
    }

    private static PingModel RoundTrip(PingModel model)
    {
        using var stream = new MemoryStream();
        model.Write(stream);
        stream.Position = 0;
        return PingModel.Read(stream);
    }

    private static float[] Probabilities(PingModel model, int[] features)
    {
        var probabilities = new float[PingModel.Classes];
        model.Score([.. features], 0.5f, probabilities);
        return probabilities;
    }

    private static byte[] Zipped(byte[] bytes)
    {
        using var stream = new MemoryStream();
        using (var zip = new GZipStream(stream, CompressionLevel.Fastest, leaveOpen: true))
        {
            zip.Write(bytes);
        }

        return stream.ToArray();
    }

    private static byte[] Unzipped(byte[] bytes)
    {
        using var zip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var stream = new MemoryStream();
        zip.CopyTo(stream);
        return stream.ToArray();
    }
}
