using System.Runtime.InteropServices;
using Microsoft.Data.Analysis;

namespace DeepFm.Notebook.Data;

/// <summary>
/// Moves whole arrays into and out of DataFrame columns. Building a 100,000-row column value by value costs
/// milliseconds per column; handing the column its bytes and an all-valid null bitmap (the Arrow layout the
/// columns use inside) costs microseconds, which keeps loading MovieLens well under a second.
/// </summary>
internal static class DataFrameArrays
{
    public static SingleDataFrameColumn Single(string name, float[] values) =>
        new(name, Bytes(values), AllValid(values.Length), values.Length, 0);

    public static Int64DataFrameColumn Int64(string name, long[] values) =>
        new(name, Bytes(values), AllValid(values.Length), values.Length, 0);

    public static BooleanDataFrameColumn Boolean(string name, bool[] values) =>
        new(name, Bytes(values), AllValid(values.Length), values.Length, 0);

    /// <summary>The values of a column without missing values, as one array.</summary>
    public static T[] ToArray<T>(PrimitiveDataFrameColumn<T> column) where T : unmanaged
    {
        if (column.NullCount > 0)
        {
            throw new InvalidOperationException($"Column {column.Name} has {column.NullCount} missing values.");
        }
        var values = new T[column.Length];
        int offset = 0;
        foreach (ReadOnlyMemory<T> buffer in column.GetReadOnlyDataBuffers())
        {
            buffer.Span.CopyTo(values.AsSpan(offset));
            offset += buffer.Length;
        }
        return values;
    }

    /// <summary>values[rows[i]] for every i: repeats a small table's values along the rows that refer to it.</summary>
    public static T[] Gather<T>(T[] values, int[] rows)
    {
        var gathered = new T[rows.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            gathered[i] = values[rows[i]];
        }
        return gathered;
    }

    private static byte[] Bytes<T>(T[] values) where T : unmanaged => MemoryMarshal.AsBytes(values.AsSpan()).ToArray();

    private static byte[] AllValid(int length)
    {
        var bitmap = new byte[(length + 7) / 8];
        Array.Fill(bitmap, (byte)0xFF);
        return bitmap;
    }
}
