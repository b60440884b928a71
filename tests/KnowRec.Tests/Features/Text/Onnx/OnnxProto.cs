using Google.Protobuf;

namespace KnowRec.Tests.Features.Text.Onnx;

/// <summary>Writes the few ONNX protobuf messages a test graph needs (field numbers from onnx/onnx.proto, IR version 8).</summary>
internal sealed class OnnxProto
{
    public const int Float = 1;
    public const int Int64 = 7;

    private readonly List<byte> _bytes = [];

    public OnnxProto Varint(int field, long value) => Append(o =>
    {
        o.WriteTag(field, WireFormat.WireType.Varint);
        o.WriteInt64(value);
    });

    public OnnxProto Text(int field, string value) => Append(o =>
    {
        o.WriteTag(field, WireFormat.WireType.LengthDelimited);
        o.WriteString(value);
    });

    public OnnxProto Bytes(int field, byte[] value) => Append(o =>
    {
        o.WriteTag(field, WireFormat.WireType.LengthDelimited);
        o.WriteBytes(ByteString.CopyFrom(value));
    });

    public OnnxProto Message(int field, OnnxProto value) => Bytes(field, value.ToArray());

    public byte[] ToArray() => [.. _bytes];

    private OnnxProto Append(Action<CodedOutputStream> write)
    {
        using var buffer = new MemoryStream();
        using (var output = new CodedOutputStream(buffer, leaveOpen: true))
        {
            write(output);
        }

        _bytes.AddRange(buffer.ToArray());
        return this;
    }

    // ModelProto: ir_version = 1, producer_name = 2, graph = 7, opset_import = 8 (OperatorSetIdProto: domain = 1, version = 2).
    public static byte[] Model(OnnxProto graph, int opset = 17) => new OnnxProto()
        .Varint(1, 8).Text(2, "knowrec-tests").Message(7, graph).Message(8, new OnnxProto().Text(1, "").Varint(2, opset)).ToArray();

    // NodeProto: input = 1, output = 2, name = 3, op_type = 4, attribute = 5.
    public static OnnxProto Node(string op, string[] inputs, string output, params OnnxProto[] attributes)
    {
        var node = new OnnxProto();
        foreach (string input in inputs)
        {
            node.Text(1, input);
        }

        node.Text(2, output).Text(3, output + "_" + op).Text(4, op);
        foreach (var attribute in attributes)
        {
            node.Message(5, attribute);
        }

        return node;
    }

    // AttributeProto: name = 1, i = 3, type = 20 (INT = 2).
    public static OnnxProto IntAttribute(string name, long value) => new OnnxProto().Text(1, name).Varint(3, value).Varint(20, 2);

    // TensorProto: dims = 1, data_type = 2, name = 8, raw_data = 9 (little-endian values).
    public static OnnxProto Tensor(string name, float[] values, params long[] dims) =>
        Tensor(name, Float, dims, System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()).ToArray());

    public static OnnxProto Tensor(string name, long[] values, params long[] dims) =>
        Tensor(name, Int64, dims, System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()).ToArray());

    private static OnnxProto Tensor(string name, int type, long[] dims, byte[] raw)
    {
        var tensor = new OnnxProto();
        foreach (long d in dims)
        {
            tensor.Varint(1, d);
        }

        return tensor.Varint(2, type).Text(8, name).Bytes(9, raw);
    }

    // ValueInfoProto: name = 1, type = 2; TypeProto.tensor_type = 1; Tensor: elem_type = 1, shape = 2;
    // TensorShapeProto.dim = 1; Dimension: dim_value = 1, dim_param = 2 (a symbolic size such as "batch").
    public static OnnxProto Value(string name, int elementType, params object[] dims)
    {
        var shape = new OnnxProto();
        foreach (object d in dims)
        {
            shape.Message(1, d is string symbol ? new OnnxProto().Text(2, symbol) : new OnnxProto().Varint(1, Convert.ToInt64(d, System.Globalization.CultureInfo.InvariantCulture)));
        }

        var tensorType = new OnnxProto().Varint(1, elementType).Message(2, shape);
        return new OnnxProto().Text(1, name).Message(2, new OnnxProto().Message(1, tensorType));
    }
}
