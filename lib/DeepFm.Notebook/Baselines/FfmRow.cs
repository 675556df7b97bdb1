using Microsoft.ML.Data;

namespace DeepFm.Notebook.Baselines;

/// <summary>
/// One rating as ML.NET reads it for the FFM: the label and one sparse vector per field. ML.NET maps a class's
/// properties to columns, so the fields are properties; <see cref="FfmRows"/> sizes the ones a schema uses and
/// drops the others from the data view's schema.
/// </summary>
internal sealed class FfmRow
{
    public bool Label { get; set; }
    public VBuffer<float> Field00 { get; set; }
    public VBuffer<float> Field01 { get; set; }
    public VBuffer<float> Field02 { get; set; }
    public VBuffer<float> Field03 { get; set; }
    public VBuffer<float> Field04 { get; set; }
    public VBuffer<float> Field05 { get; set; }
    public VBuffer<float> Field06 { get; set; }
    public VBuffer<float> Field07 { get; set; }
    public VBuffer<float> Field08 { get; set; }
    public VBuffer<float> Field09 { get; set; }
    public VBuffer<float> Field10 { get; set; }
    public VBuffer<float> Field11 { get; set; }

    public static FfmRow From(VBuffer<float>[] fields, bool label)
    {
        var row = new FfmRow { Label = label };
        for (int field = 0; field < fields.Length; field++)
        {
            switch (field)
            {
                case 0: row.Field00 = fields[field]; break;
                case 1: row.Field01 = fields[field]; break;
                case 2: row.Field02 = fields[field]; break;
                case 3: row.Field03 = fields[field]; break;
                case 4: row.Field04 = fields[field]; break;
                case 5: row.Field05 = fields[field]; break;
                case 6: row.Field06 = fields[field]; break;
                case 7: row.Field07 = fields[field]; break;
                case 8: row.Field08 = fields[field]; break;
                case 9: row.Field09 = fields[field]; break;
                case 10: row.Field10 = fields[field]; break;
                case 11: row.Field11 = fields[field]; break;
                default: throw new ArgumentOutOfRangeException(nameof(fields), fields.Length, $"At most {FfmRows.MaxFields} fields.");
            }
        }
        return row;
    }
}
