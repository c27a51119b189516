// The int4 multiplier brick: a 4-bit activation nibble, sign- or zero-extended to 5 bits by the
// caller (min-max codes are unsigned, symmetric codes and high nibbles signed), times a signed
// WGT_W-bit weight code. Two's-complement product, exact.
module stamp_brick #(
  parameter int WGT_W = 4
) (
  input  logic signed [4:0]       nibble,
  input  logic signed [WGT_W-1:0] weight,
  output logic signed [WGT_W+4:0] product
);
  assign product = nibble * weight;
endmodule
