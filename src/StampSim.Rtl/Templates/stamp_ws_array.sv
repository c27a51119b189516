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
  // Left edge: row r's slot is delayed r cycles.
  logic                    skew_v     [ROWS][ROWS];
  logic                    skew_start [ROWS][ROWS];
  logic                    skew_wide  [ROWS][ROWS];
  logic                    skew_pass  [ROWS][ROWS];
  logic                    skew_row   [ROWS][ROWS];
  logic [15:0]             skew_ncols [ROWS][ROWS];
  logic signed [ACT_W-1:0] skew_act   [ROWS][ROWS];

  // PE outputs, indexed [row][col].
  logic                    v_q     [ROWS][COLS];
  logic                    start_q [ROWS][COLS];
  logic                    wide_q  [ROWS][COLS];
  logic                    pass_q  [ROWS][COLS];
  logic                    row_q   [ROWS][COLS];
  logic [15:0]             ncols_q [ROWS][COLS];
  logic signed [ACT_W-1:0] act_q   [ROWS][COLS];
  logic signed [SUM_W-1:0] psum_q  [ROWS][COLS];
  logic [ROWS*COLS-1:0]    stall;

  assign en = !(|stall);

  genvar r, c;
  generate
    for (r = 0; r < ROWS; r++) begin : g_row
      // skew[r][0] is the slot as it enters; skew[r][j] is it j cycles later.
      assign skew_v[r][0] = in_v;
      assign skew_start[r][0] = in_start;
      assign skew_wide[r][0] = in_wide;
      assign skew_pass[r][0] = in_pass;
      assign skew_row[r][0] = in_rows[r];
      assign skew_ncols[r][0] = in_ncols;
      assign skew_act[r][0] = in_act[r*ACT_W +: ACT_W];
      for (c = 1; c <= r; c++) begin : g_skew
        always_ff @(posedge clk or negedge rst_n) begin
          if (!rst_n) begin
            {skew_v[r][c], skew_start[r][c], skew_wide[r][c], skew_pass[r][c], skew_row[r][c]} <= '0;
            skew_ncols[r][c] <= '0;
            skew_act[r][c] <= '0;
          end else if (en) begin
            {skew_v[r][c], skew_start[r][c], skew_wide[r][c], skew_pass[r][c], skew_row[r][c]} <=
              {skew_v[r][c-1], skew_start[r][c-1], skew_wide[r][c-1], skew_pass[r][c-1], skew_row[r][c-1]};
            skew_ncols[r][c] <= skew_ncols[r][c-1];
            skew_act[r][c] <= skew_act[r][c-1];
          end
        end
      end
      for (c = 0; c < COLS; c++) begin : g_col
        logic                    lv, ls, lw, lp, lr;
        logic [15:0]             ln;
        logic signed [ACT_W-1:0] la;
        logic signed [SUM_W-1:0] up;
        if (c == 0) begin : g_edge
          assign {lv, ls, lw, lp, lr} = {skew_v[r][r], skew_start[r][r], skew_wide[r][r], skew_pass[r][r], skew_row[r][r]};
          assign ln = skew_ncols[r][r];
          assign la = skew_act[r][r];
        end else begin : g_inner
          assign {lv, ls, lw, lp, lr} = {v_q[r][c-1], start_q[r][c-1], wide_q[r][c-1], pass_q[r][c-1], row_q[r][c-1]};
          assign ln = ncols_q[r][c-1];
          assign la = act_q[r][c-1];
        end
        if (r == 0) begin : g_top
          assign up = '0;
        end else begin : g_below
          assign up = psum_q[r-1][c];
        end
        stamp_ws_pe #(.ACT_W(ACT_W), .WGT_W(WGT_W), .SUM_W(SUM_W), .MULT_MODE(MULT_MODE), .COL(c), .DOUBLE_BUF(DOUBLE_BUF)) u_pe (
          .clk(clk), .rst_n(rst_n), .en(en),
          .v_in(lv), .start_in(ls), .wide_in(lw), .pass_in(lp), .row_in(lr), .ncols_in(ln), .act_in(la), .psum_in(up),
          .we(we[r*COLS + c]), .wdata(wdata[(r*COLS + c)*WGT_W +: WGT_W]),
          .v_q(v_q[r][c]), .start_q(start_q[r][c]), .wide_q(wide_q[r][c]), .pass_q(pass_q[r][c]), .row_q(row_q[r][c]),
          .ncols_q(ncols_q[r][c]), .act_q(act_q[r][c]), .psum_q(psum_q[r][c]),
          .shadow_free(shadow_free[r*COLS + c]), .stall(stall[r*COLS + c]));
      end
    end
    for (c = 0; c < COLS; c++) begin : g_out
      // v_q of the bottom PE: a slot went through it (every row carries the slot, inside the tile or not).
      assign out_v[c] = v_q[ROWS-1][c];
      assign out_sum[c*SUM_W +: SUM_W] = psum_q[ROWS-1][c];
    end
  endgenerate
endmodule
