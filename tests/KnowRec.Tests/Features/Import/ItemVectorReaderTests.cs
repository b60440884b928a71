using System.Buffers.Binary;
using System.Text;
using KnowRec.Data.Cleaning;
using KnowRec.Features.Import;
using KnowRec.Tests.Contracts;
using Parquet.Serialization;
using Xunit;

namespace KnowRec.Tests.Features.Import;

public sealed class ItemVectorReaderTests
{
    [Fact]
    public void Csv_WithHeader_AlignsByIdAndMarksMissingItemsAbsent()
    {
        using var folder = new TempFolder();
        string file = folder.Write("posters.csv", "item,a,b\ni2,1.5,2\ni0,-1,0.25\nzz,9,9\n\n");
        var import = ItemVectorReader.Read(file, TinyData.Create());
        var vectors = import.Vectors;
        Assert.Equal("posters", vectors.Name);
        Assert.Equal(2, vectors.Dimension);
        Assert.Equal([1.5f, 2f], vectors.Row(2).ToArray());
        Assert.Equal([-1f, 0.25f], vectors.Row(0).ToArray());
        Assert.False(vectors.IsPresent(1));
        Assert.Equal(2, vectors.PresentCount);
        Assert.Equal((3, 2, 1, 0), (import.Rows, import.Matched, import.UnknownIds, import.Skipped));
    }

    [Fact]
    public void Csv_WithoutHeader_ReadsTheFirstLineAsData()
    {
        using var folder = new TempFolder();
        string file = folder.Write("audio.tsv", "i1\t3\ni5\t4\n");
        var vectors = ItemVectorReader.Read(file, TinyData.Create()).Vectors;
        Assert.Equal([3f], vectors.Row(1).ToArray());
        Assert.Equal([4f], vectors.Row(5).ToArray());
    }

    [Fact]
    public void Csv_BadLine_StopsWithFileAndLine_OrIsCountedWhenLenient()
    {
        using var folder = new TempFolder();
        string file = folder.Write("bad.csv", "i0,1,2\ni1,3\ni2,4,x\ni3,5,6\n");
        var error = Assert.Throws<InvalidDataException>(() => ItemVectorReader.Read(file, TinyData.Create()));
        Assert.Contains("bad.csv:2", error.Message, StringComparison.Ordinal);

        var report = new CleaningReport();
        var import = ItemVectorReader.Read(file, TinyData.Create(), lenient: true, report);
        Assert.Equal(2, import.Skipped);
        Assert.Equal(2, report[CleaningCauses.MalformedLine]);
        Assert.Equal(2, import.Vectors.PresentCount);
    }

    [Fact]
    public void Csv_RepeatedId_IsAnError()
    {
        using var folder = new TempFolder();
        string file = folder.Write("twice.csv", "i0,1\ni0,2\n");
        var error = Assert.Throws<InvalidDataException>(() => ItemVectorReader.Read(file, TinyData.Create()));
        Assert.Contains("twice.csv:2", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, false, "img.ids")]
    [InlineData(true, false, "img.npy.ids")]
    [InlineData(false, true, "ids.txt")]
    public void Npy_Float32AndFloat64_CAndFortranOrder_ReadWithSidecarIds(bool doublePrecision, bool fortran, string idsName)
    {
        using var folder = new TempFolder();
        float[,] values = { { 1f, 2f, 3f }, { 4f, 5f, 6f } };
        string file = Path.Combine(folder.Path, "img.npy");
        File.WriteAllBytes(file, Npy(values, doublePrecision, fortran));
        folder.Write(idsName, "i4\ni1\n");
        var vectors = ItemVectorReader.Read(file, TinyData.Create()).Vectors;
        Assert.Equal("img", vectors.Name);
        Assert.Equal([1f, 2f, 3f], vectors.Row(4).ToArray());
        Assert.Equal([4f, 5f, 6f], vectors.Row(1).ToArray());
        Assert.Equal(2, vectors.PresentCount);
    }

    [Fact]
    public void Npy_WithoutIds_OrWithTheWrongCount_IsAClearError()
    {
        using var folder = new TempFolder();
        string file = Path.Combine(folder.Path, "img.npy");
        File.WriteAllBytes(file, Npy(new float[,] { { 1f }, { 2f } }, false, false));
        Assert.Throws<FileNotFoundException>(() => ItemVectorReader.Read(file, TinyData.Create()));
        folder.Write("img.ids", "i0\n");
        var error = Assert.Throws<InvalidDataException>(() => ItemVectorReader.Read(file, TinyData.Create()));
        Assert.Contains("1 ids for the 2 rows", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parquet_ListColumn_IsRead()
    {
        using var folder = new TempFolder();
        string file = Path.Combine(folder.Path, "clip.parquet");
        await ParquetSerializer.SerializeAsync(new[] { new ListRow { Id = "i3", Vector = [0.5f, 1f] }, new ListRow { Id = "nope", Vector = [1f, 1f] } }, file);
        var import = ItemVectorReader.Read(file, TinyData.Create());
        Assert.Equal([0.5f, 1f], import.Vectors.Row(3).ToArray());
        Assert.Equal(1, import.UnknownIds);
    }

    [Fact]
    public async Task Parquet_NumericColumns_AreRead()
    {
        using var folder = new TempFolder();
        string file = Path.Combine(folder.Path, "meta.parquet");
        await ParquetSerializer.SerializeAsync(new[] { new ColumnRow { Item = 2, X = 1.5, Y = -2 } }, file);
        var data = new KnowRec.Data.Dataset("numbers", new KnowRec.Data.IdMap(["1", "2"]), new KnowRec.Data.IdMap(["1", "2", "3"]), [new(0, 0, 1)]);
        var vectors = ItemVectorReader.Read(file, data).Vectors;
        Assert.Equal([1.5f, -2f], vectors.Row(1).ToArray());
    }

    [Fact]
    public void UnknownExtension_IsRejected()
    {
        using var folder = new TempFolder();
        string file = folder.Write("x.json", "{}");
        Assert.Throws<ArgumentException>(() => ItemVectorReader.Read(file, TinyData.Create()));
    }

    private static byte[] Npy(float[,] values, bool doublePrecision, bool fortran)
    {
        int rows = values.GetLength(0), columns = values.GetLength(1), width = doublePrecision ? 8 : 4;
        string dict = $"{{'descr': '{(doublePrecision ? "<f8" : "<f4")}', 'fortran_order': {(fortran ? "True" : "False")}, 'shape': ({rows}, {columns}), }}";
        int total = 10 + dict.Length + 1;
        string header = dict.PadRight(dict.Length + ((64 - (total % 64)) % 64)) + "\n";
        using var stream = new MemoryStream();
        stream.Write([0x93, .. "NUMPY"u8, 1, 0]);
        var length = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(length, (ushort)header.Length);
        stream.Write(length);
        stream.Write(Encoding.ASCII.GetBytes(header));
        var cell = new byte[width];
        for (int k = 0; k < rows * columns; k++)
        {
            int r = fortran ? k % rows : k / columns, c = fortran ? k / rows : k % columns;
            if (doublePrecision)
            {
                BinaryPrimitives.WriteDoubleLittleEndian(cell, values[r, c]);
            }
            else
            {
                BinaryPrimitives.WriteSingleLittleEndian(cell, values[r, c]);
            }

            stream.Write(cell);
        }

        return stream.ToArray();
    }

    private sealed class ListRow
    {
        public string Id { get; set; } = "";

        public float[] Vector { get; set; } = [];
    }

    private sealed class ColumnRow
    {
        public int Item { get; set; }

        public double X { get; set; }

        public double Y { get; set; }
    }
}
