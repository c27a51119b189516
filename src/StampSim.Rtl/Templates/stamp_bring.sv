// Brings a signed value into a signed OUT_W-bit range, the numerics contract's "brought into
// range": SATURATE=1 clamps, SATURATE=0 wraps (two's complement). `overflow` is 1 exactly when
// the value was outside the range, which is what the event counters count.
module stamp_bring #(
  parameter int IN_W = 33,
  parameter int OUT_W = 32,
  parameter bit SATURATE = 1'b1
) (
  input  logic signed [IN_W-1:0]  value,
  output logic signed [OUT_W-1:0] result,
  output logic                    overflow
);
  generate
    if (OUT_W >= IN_W) begin : g_fits
      // Every input value is representable: sign-extend, never an event.
      assign result = OUT_W'(value);
      assign overflow = 1'b0;
    end else begin : g_range
      // In range iff the bits above the output's sign bit all copy it.
      logic [IN_W-OUT_W:0] top;
      assign top = value[IN_W-1:OUT_W-1];
      assign overflow = !((&top) || !(|top));
      if (SATURATE) begin : g_saturate
        localparam logic signed [OUT_W-1:0] MAX = {1'b0, {(OUT_W-1){1'b1}}};
        localparam logic signed [OUT_W-1:0] MIN = {1'b1, {(OUT_W-1){1'b0}}};
        assign result = !overflow ? value[OUT_W-1:0] : (value[IN_W-1] ? MIN : MAX);
      end else begin : g_wrap
        assign result = value[OUT_W-1:0];
      end
    end
  endgenerate
endmodule
