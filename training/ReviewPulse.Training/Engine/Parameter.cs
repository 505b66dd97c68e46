namespace ReviewPulse.Training.Engine;

/// <summary>A trainable tensor: its values, its gradient and its shape (row-major).</summary>
internal sealed class Parameter(string name, params int[] shape)
{
    public string Name { get; } = name;

    public int[] Shape { get; } = shape;

    public float[] Value { get; } = new float[shape.Aggregate(1, (a, b) => a * b)];

    public float[] Grad { get; } = new float[shape.Aggregate(1, (a, b) => a * b)];

    /// <summary>When set, only these rows of a 2-D parameter have gradient this step (embedding tables).</summary>
    public RowSet? TouchedRows { get; set; }

    public int Length => Value.Length;

    /// <summary>He-normal initialisation for ReLU networks: N(0, 2/fanIn).</summary>
    public void InitHe(Random random, int fanIn) => InitNormal(random, MathF.Sqrt(2f / fanIn));

    public void InitNormal(Random random, float std)
    {
        for (var i = 0; i < Value.Length; i++)
        {
            Value[i] = std * Gaussian(random);
        }
    }

    private static float Gaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return (float)(Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
    }
}

/// <summary>The distinct rows touched in a step, so sparse updates skip the rest of a large table.</summary>
internal sealed class RowSet(int rows)
{
    private readonly bool[] _seen = new bool[rows];
    private readonly List<int> _rows = [];

    public IReadOnlyList<int> Rows => _rows;

    public void Add(int row)
    {
        if (!_seen[row])
        {
            _seen[row] = true;
            _rows.Add(row);
        }
    }

    public void Clear()
    {
        foreach (var row in _rows)
        {
            _seen[row] = false;
        }
        _rows.Clear();
    }
}
