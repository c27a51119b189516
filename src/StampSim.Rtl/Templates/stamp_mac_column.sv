// One PE column of the MAC array: ROWS multipliers, the adder tree, the tree range (TREE_BITS),
// the accumulator (ACC_BITS) and the saturation/wrap event counters, exactly the reduction of
// the numerics contract (shared/spec/numerics.md, stage 3). One chunk of ROWS reduction indices
// per request; `first` restarts the accumulator at every act_group boundary.
//
// Handshake: `in_valid` pulses for one cycle per chunk; act, wgt, first and wide stay stable
// until `out_valid`, which pulses for one cycle with chunk_sum, acc and the counters updated.
// A wide token in two_pass mode takes two cycles (low nibble, then high nibble), every other
// chunk one.
module stamp_mac_column #(
  parameter int ROWS = 16,
  parameter int ACT_W = 9,
  parameter int WGT_W = 4,
  parameter int TREE_BITS = 32,
  parameter int ACC_BITS = 32,
  parameter bit SATURATE = 1'b1,
  parameter int MULT_MODE = 1
) (
  input  logic                       clk,
  input  logic                       rst_n,
  input  logic                       in_valid,
  input  logic                       first,
  input  logic                       wide,
  input  logic [ROWS*ACT_W-1:0]      act,
  input  logic [ROWS*WGT_W-1:0]      wgt,
  output logic                       out_valid,
  output logic signed [TREE_BITS-1:0] chunk_sum,
  output logic signed [ACC_BITS-1:0]  acc,
  output logic [63:0]                tree_events,
  output logic [63:0]                acc_events
);
  localparam int PROD_W = ACT_W + WGT_W;
  localparam int EXACT_W = PROD_W + $clog2(ROWS) + 1;   // holds any exact chunk sum
  localparam int ACC_IN_W = (ACC_BITS > TREE_BITS ? ACC_BITS : TREE_BITS) + 1;
  localparam bit TWO_PASS = MULT_MODE == 1;

  logic busy;                         // a request is in flight
  logic pass;                         // 1 during the high-nibble pass of a two_pass chunk
  logic signed [EXACT_W-1:0] low_sum; // the low-nibble pass's tree sum, held for pass 1

  logic [ROWS*PROD_W-1:0] products;
  genvar r;
  generate
    for (r = 0; r < ROWS; r++) begin : g_pe
      stamp_pe_mul #(.MULT_MODE(MULT_MODE), .ACT_W(ACT_W), .WGT_W(WGT_W), .PROD_W(PROD_W)) u_mul (
        .act(act[r*ACT_W +: ACT_W]), .wgt(wgt[r*WGT_W +: WGT_W]), .wide(wide), .pass(pass),
        .product(products[r*PROD_W +: PROD_W]));
    end
  endgenerate

  logic signed [EXACT_W-1:0] tree_sum;
  stamp_adder_tree #(.ROWS(ROWS), .IN_W(PROD_W), .SUM_W(EXACT_W)) u_tree (.products(products), .sum(tree_sum));

  // The exact chunk sum: one pass, or low pass plus the high pass shifted by one nibble.
  logic signed [EXACT_W-1:0] exact;
  assign exact = (TWO_PASS && wide) ? low_sum + (tree_sum <<< 4) : tree_sum;

  logic signed [TREE_BITS-1:0] chunk_in_range;
  logic tree_overflow;
  stamp_bring #(.IN_W(EXACT_W), .OUT_W(TREE_BITS), .SATURATE(SATURATE)) u_tree_range (
    .value(exact), .result(chunk_in_range), .overflow(tree_overflow));

  logic signed [ACC_IN_W-1:0] acc_sum;
  assign acc_sum = (first ? ACC_IN_W'(0) : ACC_IN_W'(acc)) + ACC_IN_W'(chunk_in_range);
  logic signed [ACC_BITS-1:0] acc_in_range;
  logic acc_overflow;
  stamp_bring #(.IN_W(ACC_IN_W), .OUT_W(ACC_BITS), .SATURATE(SATURATE)) u_acc_range (
    .value(acc_sum), .result(acc_in_range), .overflow(acc_overflow));

  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      busy <= 1'b0;
      pass <= 1'b0;
      low_sum <= '0;
      out_valid <= 1'b0;
      chunk_sum <= '0;
      acc <= '0;
      tree_events <= '0;
      acc_events <= '0;
    end else begin
      out_valid <= 1'b0;
      if (in_valid || busy) begin
        if (TWO_PASS && wide && !pass) begin
          low_sum <= tree_sum;
          pass <= 1'b1;
          busy <= 1'b1;
        end else begin
          chunk_sum <= chunk_in_range;
          acc <= acc_in_range;
          tree_events <= tree_events + 64'(tree_overflow);
          acc_events <= acc_events + 64'(acc_overflow);
          out_valid <= 1'b1;
          pass <= 1'b0;
          busy <= 1'b0;
        end
      end
    end
  end
endmodule
