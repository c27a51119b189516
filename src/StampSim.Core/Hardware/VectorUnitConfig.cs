namespace StampSim.Hardware;

/// <summary>The energy of one vector operation, with its technology node and source.</summary>
/// <param name="Pj">Picojoules per operation.</param>
/// <param name="Node">Technology node.</param>
/// <param name="Source">Citation.</param>
public sealed record PricedOp(double Pj, string Node, string Source);

/// <summary>The per-operation energies of the vector unit.</summary>
/// <param name="Add">One add (also compare, subtract).</param>
/// <param name="Mul">One multiply.</param>
public sealed record VectorEnergy(PricedOp Add, PricedOp Mul);

/// <summary>
/// The vector unit beside the MAC array (<c>vector_unit:</c>), which runs softmax, norms, RoPE,
/// activations and residual adds at the accelerator's clock, one operation per lane per cycle.
/// </summary>
/// <param name="Lanes">Operations per cycle.</param>
/// <param name="Format">Arithmetic format.</param>
/// <param name="Energy">Energy per add and per multiply.</param>
public sealed record VectorUnitConfig(int Lanes, NumberFormat Format, VectorEnergy Energy);
