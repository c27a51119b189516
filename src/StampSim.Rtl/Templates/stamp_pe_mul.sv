// The multiplier of one processing element, by MULT_MODE:
//   0 int4 native:  one brick; activations are 4-bit codes carried in ACT_W = 5 bits.
//   1 int4 two_pass: one brick; a wide (8-bit) token takes two passes over the array, the low
//                    nibble (pass 0, zero-extended) then the high nibble (pass 1, signed). The
//                    high pass's shift by 4 is applied once per chunk after the adder tree.
//   2 int4 fused:    Bit Fusion style: a pair of bricks fuses into one 8b x WGT_W multiplier for
//                    wide tokens (high brick shifted by 4), in one pass; narrow tokens use one brick.
//   3 int8 native:   one ACT_W x WGT_W multiplier for every token.
// The activation port is ACT_W-bit two's complement (9 bits hold min-max codes 0..255 and
// symmetric codes -127..127 alike).
module stamp_pe_mul #(
  parameter int MULT_MODE = 1,
  parameter int ACT_W = 9,
  parameter int WGT_W = 4,
  parameter int PROD_W = ACT_W + WGT_W
) (
  input  logic signed [ACT_W-1:0]  act,
  input  logic signed [WGT_W-1:0]  wgt,
  input  logic                     wide,
  input  logic                     pass,
  output logic signed [PROD_W-1:0] product
);
  generate
    if (MULT_MODE == 3) begin : g_int8
      assign product = PROD_W'(act * wgt);
    end else if (MULT_MODE == 0) begin : g_int4
      logic signed [WGT_W+4:0] p;
      stamp_brick #(.WGT_W(WGT_W)) u_brick (.nibble(act[4:0]), .weight(wgt), .product(p));
      assign product = PROD_W'(p);
    end else if (MULT_MODE == 1) begin : g_two_pass
      logic signed [4:0] nibble;
      logic signed [WGT_W+4:0] p;
      // A narrow token's code already fits the 5-bit brick input (0..15 or -8..7).
      assign nibble = !wide ? act[4:0] : (pass ? act[8:4] : {1'b0, act[3:0]});
      stamp_brick #(.WGT_W(WGT_W)) u_brick (.nibble(nibble), .weight(wgt), .product(p));
      assign product = PROD_W'(p);
    end else begin : g_fused
      logic signed [WGT_W+4:0] lo, hi;
      stamp_brick #(.WGT_W(WGT_W)) u_lo (.nibble(wide ? {1'b0, act[3:0]} : act[4:0]), .weight(wgt), .product(lo));
      stamp_brick #(.WGT_W(WGT_W)) u_hi (.nibble(wide ? act[8:4] : 5'sd0), .weight(wgt), .product(hi));
      assign product = PROD_W'(lo) + (PROD_W'(hi) <<< 4);
    end
  endgenerate
endmodule
