// The ROWS-input adder tree of one column: a balanced binary tree (leaves padded with zeros to a
// power of two), exact at SUM_W bits. Node k adds nodes 2k+1 and 2k+2; node 0 is the root.
module stamp_adder_tree #(
  parameter int ROWS = 16,
  parameter int IN_W = 13,
  parameter int SUM_W = IN_W + $clog2(ROWS) + 1
) (
  input  logic [ROWS*IN_W-1:0]    products,
  output logic signed [SUM_W-1:0] sum
);
  localparam int LEAVES = ROWS <= 1 ? 1 : (1 << $clog2(ROWS));
  // The node array is acyclic (children have higher indices) but one variable to Verilator.
  /* verilator lint_off UNOPTFLAT */
  logic signed [SUM_W-1:0] node [0:2*LEAVES-2];
  /* verilator lint_on UNOPTFLAT */
  genvar k;
  generate
    for (k = 0; k < LEAVES; k++) begin : g_leaf
      if (k < ROWS) begin : g_row
        assign node[LEAVES-1+k] = SUM_W'($signed(products[k*IN_W +: IN_W]));
      end else begin : g_pad
        assign node[LEAVES-1+k] = '0;
      end
    end
    for (k = 0; k < LEAVES - 1; k++) begin : g_add
      assign node[k] = node[2*k+1] + node[2*k+2];
    end
  endgenerate
  assign sum = node[0];
endmodule
