// One processing element of the weight-stationary array (docs/rtl.md, "The whole array"). It holds
// a weight code and, with DOUBLE_BUF, a shadow register the weight loader fills while the current
// fold streams. Every cycle the array is enabled it passes its activation slot right and adds its
// product to the partial sum from above, passing the sum down; the sum is exact (SUM_W bits hold
// any chunk of ROWS products), the tree range is applied below the column.
//
// A slot's `start` marks the first slot of a fold: a PE inside the fold's tile (`row` and COL below
// `ncols`) swaps its shadow weight in as that slot arrives, so the swap travels through the array
// with the wavefront. If the shadow does not hold the fold's weight yet, the PE asks for a stall.
module stamp_ws_pe #(
  parameter int ACT_W = 9,
  parameter int WGT_W = 4,
  parameter int SUM_W = 18,
  parameter int MULT_MODE = 1,
  parameter int COL = 0,
  parameter bit DOUBLE_BUF = 1'b1
) (
  input  logic                     clk,
  input  logic                     rst_n,
  input  logic                     en,          // the array advances (no stall anywhere)
  input  logic                     v_in,        // a slot arrives from the left
  input  logic                     start_in,    // ... the first slot of its fold
  input  logic                     wide_in,     // ... of a token wider than the brick
  input  logic                     pass_in,     // ... its high-nibble pass (two_pass)
  input  logic                     row_in,      // ... and this row is inside the fold's tile
  input  logic [15:0]              ncols_in,    // ... whose tile spans this many columns
  input  logic signed [ACT_W-1:0]  act_in,
  input  logic signed [SUM_W-1:0]  psum_in,
  input  logic                     we,          // the weight loader writes this PE
  input  logic signed [WGT_W-1:0]  wdata,
  output logic                     v_q,
  output logic                     start_q,
  output logic                     wide_q,
  output logic                     pass_q,
  output logic                     row_q,
  output logic [15:0]              ncols_q,
  output logic signed [ACT_W-1:0]  act_q,
  output logic signed [SUM_W-1:0]  psum_q,
  output logic                     shadow_free, // the loader may write this cycle
  output logic                     stall        // the fold's weight is not here yet
);
  localparam int PROD_W = ACT_W + WGT_W;
  // Fused arrays fuse column pairs at the column bottom: the even column multiplies the low nibble,
  // the odd one the high nibble, so each brick works exactly like a two_pass brick on one pass.
  localparam int BRICK_MODE = MULT_MODE == 2 ? 1 : MULT_MODE;

  logic signed [WGT_W-1:0] w_active, w_shadow;
  logic full;

  logic in_tile, swap;
  assign in_tile = row_in && (COL < ncols_in);
  assign swap = DOUBLE_BUF && v_in && start_in && in_tile;
  assign stall = swap && !full;
  assign shadow_free = !DOUBLE_BUF || !full || (en && swap);

  logic signed [WGT_W-1:0] w_use;
  assign w_use = swap ? w_shadow : w_active;
  logic pass_eff;
  assign pass_eff = MULT_MODE == 2 ? COL[0] : pass_in;
  logic signed [PROD_W-1:0] product;
  stamp_pe_mul #(.MULT_MODE(BRICK_MODE), .ACT_W(ACT_W), .WGT_W(WGT_W), .PROD_W(PROD_W)) u_mul (
    .act(v_in ? act_in : '0), .wgt(w_use), .wide(wide_in), .pass(pass_eff), .product(product));

  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      {v_q, start_q, wide_q, pass_q, row_q} <= '0;
      ncols_q <= '0;
      act_q <= '0;
      psum_q <= '0;
      w_active <= '0;
      w_shadow <= '0;
      full <= 1'b0;
    end else begin
      if (en) begin
        {v_q, start_q, wide_q, pass_q, row_q} <= {v_in, start_in, wide_in, pass_in, row_in};
        ncols_q <= ncols_in;
        act_q <= act_in;
        psum_q <= v_in ? psum_in + SUM_W'(product) : '0;
        if (swap) w_active <= w_shadow;
      end
      if (DOUBLE_BUF) begin
        if (we) begin
          w_shadow <= wdata;
          full <= 1'b1;
        end else if (en && swap) begin
          full <= 1'b0;
        end
      end else if (we) begin
        w_active <= wdata;
      end
    end
  end
endmodule
