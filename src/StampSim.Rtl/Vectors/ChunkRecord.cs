namespace StampSim.Rtl.Vectors;

/// <summary>
/// One request to the column: the chunk <see cref="Chunk"/> of token <see cref="Token"/> against output
/// channel <see cref="Channel"/>, its operands and what the golden reduction yields after it.
/// </summary>
/// <param name="Token">Token index in the layer.</param>
/// <param name="Channel">Output channel.</param>
/// <param name="Chunk">Chunk index along the reduction axis (restarting chunks at every group).</param>
/// <param name="Group">Activation group of the chunk.</param>
/// <param name="Start">First feature of the chunk.</param>
/// <param name="Length">Features in the chunk (the last of a group may be short; the rest of the rows get zeros).</param>
/// <param name="First">First chunk of its group: the accumulator restarts.</param>
/// <param name="Last">Last chunk of its group: <see cref="Accumulator"/> is the final accumulator.</param>
/// <param name="Wide">The token is wider than the native multiplier.</param>
/// <param name="ChunkSum">Chunk sum after the adder tree's range.</param>
/// <param name="Accumulator">Accumulator after this chunk.</param>
/// <param name="TreeEvent">Bringing the chunk sum into range was an event.</param>
/// <param name="AccEvent">Bringing the accumulator into range was an event.</param>
public readonly record struct ChunkRecord(int Token, int Channel, int Chunk, int Group, int Start, int Length, bool First, bool Last, bool Wide,
    long ChunkSum, long Accumulator, bool TreeEvent, bool AccEvent);
