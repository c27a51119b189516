// The weight-stationary MAC array (docs/rtl.md, "The whole array"): ROWS x COLS stamp_ws_pe, the
// reduction spread over the rows, output channels over the columns, tokens streaming from the left.
// One slot (a token's chunk of ROWS activation codes, or one nibble pass of it) enters per enabled
// cycle; row r sees it r cycles after row 0 (the activation skew registers on the left edge), PE
// (r, c) computes it r + c cycles after it entered, and column c's exact chunk sum leaves the bottom
// row ROWS + c cycles after. The array stalls as a whole (`en` low) when any PE asks to.
module stamp_ws_array #(
  parameter int ROWS = 16,
  parameter int COLS = 16,
  parameter int ACT_W = 9,
  parameter int WGT_W = 4,
  parameter int SUM_W = 18,
  parameter int MULT_MODE = 1,
  parameter bit DOUBLE_BUF = 1'b1
) (
  input  logic                        clk,
  input  logic                        rst_n,
  output logic                        en,
  // The slot entering row 0 this cycle (rows are skewed inside).
  input  logic                        in_v,
  input  logic                        in_start,
  input  logic                        in_wide,
  input  logic                        in_pass,
  input  logic [ROWS-1:0]             in_rows,     // rows inside the fold's tile
  input  logic [15:0]                 in_ncols,
  input  logic [ROWS*ACT_W-1:0]       in_act,
  // The weight loader's writes.
  input  logic [ROWS*COLS-1:0]        we,
  input  logic [ROWS*COLS*WGT_W-1:0]  wdata,
  output logic [ROWS*COLS-1:0]        shadow_free,
  // The bottom row: each column's partial sum and whether it carries a slot.
  output logic [COLS-1:0]             out_v,
  output logic [COLS*SUM_W-1:0]       out_sum
);
  // A slot as one word: {v, start, wide, pass, row, ncols, act}. Packed vectors throughout, so that every
  // simulator resolves the per-PE wiring (Icarus refuses words of unpacked arrays driven by ports).
  localparam int SLOT_W = 5 + 16 + ACT_W;
  logic [ROWS*COLS*SLOT_W-1:0] slot_q;    // PE (r, c)'s registered slot
  logic [ROWS*COLS*SUM_W-1:0]  psum_q;    // PE (r, c)'s partial sum
  logic [ROWS*COLS-1:0]        stall;

  assign en = !(|stall);

  genvar r, c;
  generate
    for (r = 0; r < ROWS; r++) begin : g_row
      logic [SLOT_W-1:0] entering, edge_slot;
      assign entering = {in_v, in_start, in_wide, in_pass, in_rows[r], in_ncols, in_act[r*ACT_W +: ACT_W]};
      if (r == 0) begin : g_direct
        assign edge_slot = entering;
      end else begin : g_skew
        // Left edge: row r's slot is delayed r cycles.
        logic [SLOT_W-1:0] skew [1:r];
        always_ff @(posedge clk or negedge rst_n) begin
          if (!rst_n) begin
            for (int j = 1; j <= r; j++) skew[j] <= '0;
          end else if (en) begin
            skew[1] <= entering;
            for (int j = 2; j <= r; j++) skew[j] <= skew[j-1];
          end
        end
        assign edge_slot = skew[r];
      end
      for (c = 0; c < COLS; c++) begin : g_col
        logic [SLOT_W-1:0]       left;
        logic signed [SUM_W-1:0] up;
        if (c == 0) begin : g_edge
          assign left = edge_slot;
        end else begin : g_inner
          assign left = slot_q[(r*COLS + c - 1)*SLOT_W +: SLOT_W];
        end
        if (r == 0) begin : g_top
          assign up = '0;
        end else begin : g_below
          assign up = psum_q[((r-1)*COLS + c)*SUM_W +: SUM_W];
        end
        logic                    v_q, start_q, wide_q, pass_q, row_q;
        logic [15:0]             ncols_q;
        logic signed [ACT_W-1:0] act_q;
        stamp_ws_pe #(.ACT_W(ACT_W), .WGT_W(WGT_W), .SUM_W(SUM_W), .MULT_MODE(MULT_MODE), .COL(c), .DOUBLE_BUF(DOUBLE_BUF)) u_pe (
          .clk(clk), .rst_n(rst_n), .en(en),
          .v_in(left[SLOT_W-1]), .start_in(left[SLOT_W-2]), .wide_in(left[SLOT_W-3]), .pass_in(left[SLOT_W-4]), .row_in(left[SLOT_W-5]),
          .ncols_in(left[ACT_W +: 16]), .act_in(left[ACT_W-1:0]), .psum_in(up),
          .we(we[r*COLS + c]), .wdata(wdata[(r*COLS + c)*WGT_W +: WGT_W]),
          .v_q(v_q), .start_q(start_q), .wide_q(wide_q), .pass_q(pass_q), .row_q(row_q), .ncols_q(ncols_q), .act_q(act_q),
          .psum_q(psum_q[(r*COLS + c)*SUM_W +: SUM_W]),
          .shadow_free(shadow_free[r*COLS + c]), .stall(stall[r*COLS + c]));
        assign slot_q[(r*COLS + c)*SLOT_W +: SLOT_W] = {v_q, start_q, wide_q, pass_q, row_q, ncols_q, act_q};
      end
    end
    for (c = 0; c < COLS; c++) begin : g_out
      // The bottom PE's slot valid: a slot went through it (every row carries the slot, inside the tile or not).
      assign out_v[c] = slot_q[((ROWS-1)*COLS + c)*SLOT_W + SLOT_W - 1];
      assign out_sum[c*SUM_W +: SUM_W] = psum_q[((ROWS-1)*COLS + c)*SUM_W +: SUM_W];
    end
  endgenerate
endmodule
