// The weight-stationary array with what feeds and drains it (docs/rtl.md, "The whole array"):
// on-chip memories preloaded with the GEMM's codes and its fold schedule, the sequencer that streams
// token slots into the array, the weight loader that moves LOAD_WPC weight codes per cycle into the
// processing elements, and below every column the pass combiner, the adder-tree range (TREE_BITS),
// the accumulator range (ACC_BITS) and the event counters of the numerics contract.
//
// Fold schedule (prog.hex, one 128-bit word per fold, written by `stampsim rtl cycles`): the fold
// multiplies tokens [tok0, tok0 + ntok) by the weights of channels [n0, n0 + nch) and reduction
// indices [k0, k0 + klen) of activation group `group` (`first`: the chunk opens the group, the
// accumulator restarts); `fused` folds run wide tokens on column pairs (channel j on columns 2j, 2j+1).
//
// With DOUBLE_BUF the loader works ahead: it writes fold f+1's weights into each PE's shadow register
// as soon as fold f's wavefront has swapped there, in anti-diagonal order (the order the wavefront
// frees them), and the sequencer streams fold after fold without a gap; a fold whose weights are late
// stalls the array. Without it, each fold loads, streams and drains the array in turn.
//
// Timing outputs count cycles from the first weight write (cycle 0); the last output is the cycle
// the last partial sum is computed in the bottom row.
module stamp_ws_system #(
  parameter int M = 1,
  parameter int K = 1,
  parameter int N = 1,
  parameter int G = 1,
  parameter int FOLDS = 1
) (
  input  logic        clk,
  input  logic        rst_n,
  output logic        done,
  output longint      cycles_hi,      // cycles streaming a high-precision token's slot
  output longint      cycles_lo,      // ... a low-precision token's slot
  output longint      cycles_stall,   // cycles the array stalled for a late weight
  output longint      cycles_load,    // cycles waiting for a fold's weights (single-buffered)
  output longint      last_compute,   // the cycle of the last partial sum
  output longint      tree_events,
  output longint      acc_events,
  output longint      load_cycles,    // cycles in which the loader wrote
  input  int          res_addr,       // reads the accumulators after `done`: (token, group, channel)
  output longint      res_acc
);
  import stamp_config_pkg::*;
  import stamp_array_pkg::*;

  localparam int PROD_W = ACT_W + WGT_W;
  localparam int SUM_W = PROD_W + $clog2(ROWS) + 1;      // the exact chunk sum
  localparam int EXACT_W = SUM_W + 5;                     // ... with a high nibble's shift
  localparam int ACC_IN_W = (ACC_BITS > TREE_BITS ? ACC_BITS : TREE_BITS) + 1;
  localparam int DEPTH = ROWS + COLS - 1;                 // slot descriptors in flight
  localparam bit TWO_PASS = MULT_MODE == 1;

  // ---- On-chip memories, preloaded.
  logic [15:0]  act_mem  [0:M*K-1];
  logic [15:0]  wgt_mem  [0:N*K-1];
  logic [15:0]  tok_mem  [0:M-1];          // bit 0: wide on this array, bit 1: high precision
  logic [127:0] prog_mem [0:FOLDS-1];
  longint       acc_mem  [0:M*G*N-1];
  initial begin
    $readmemh("act.hex", act_mem);
    $readmemh("wgt.hex", wgt_mem);
    $readmemh("tok.hex", tok_mem);
    $readmemh("prog.hex", prog_mem);
  end

  function automatic int f_tok0(input logic [127:0] p);  return int'(p[15:0]);   endfunction
  function automatic int f_ntok(input logic [127:0] p);  return int'(p[31:16]);  endfunction
  function automatic int f_k0(input logic [127:0] p);    return int'(p[47:32]);  endfunction
  function automatic int f_klen(input logic [127:0] p);  return int'(p[63:48]);  endfunction
  function automatic int f_n0(input logic [127:0] p);    return int'(p[79:64]);  endfunction
  function automatic int f_nch(input logic [127:0] p);   return int'(p[95:80]);  endfunction
  function automatic int f_group(input logic [127:0] p); return int'(p[111:96]); endfunction
  function automatic bit f_first(input logic [127:0] p); return p[112];          endfunction
  function automatic bit f_fused(input logic [127:0] p); return p[113];          endfunction
  function automatic int f_pcols(input logic [127:0] p); return f_fused(p) ? 2 * f_nch(p) : f_nch(p); endfunction

  // ---- The array.
  logic                       en;
  logic                       in_v, in_start, in_wide, in_pass, in_hi;
  logic [ROWS-1:0]            in_rows;
  logic [15:0]                in_ncols;
  logic [ROWS*ACT_W-1:0]      in_act;
  logic [ROWS*COLS-1:0]       we, shadow_free;
  logic [ROWS*COLS*WGT_W-1:0] wdata;
  logic [COLS-1:0]            out_v;
  logic [COLS*SUM_W-1:0]      out_sum;
  stamp_ws_array #(.ROWS(ROWS), .COLS(COLS), .ACT_W(ACT_W), .WGT_W(WGT_W), .SUM_W(SUM_W), .MULT_MODE(MULT_MODE),
                   .DOUBLE_BUF(DOUBLE_BUF)) u_array (
    .clk(clk), .rst_n(rst_n), .en(en), .in_v(in_v), .in_start(in_start), .in_wide(in_wide), .in_pass(in_pass),
    .in_rows(in_rows), .in_ncols(in_ncols), .in_act(in_act), .we(we), .wdata(wdata), .shadow_free(shadow_free),
    .out_v(out_v), .out_sum(out_sum));

  // ---- Sequencer: which slot enters the array this cycle.
  typedef enum logic [1:0] { LOAD, STREAM, DRAIN, FINISHED } phase_t;
  phase_t phase;
  int     fold, tok, pass, drain_left;
  logic [127:0] cur;
  assign cur = prog_mem[fold];
  int     token;
  assign token = f_tok0(cur) + tok;
  logic   tok_wide;
  assign tok_wide = tok_mem[token][0];
  int     passes;
  assign passes = (TWO_PASS && tok_wide) ? 2 : 1;

  always_comb begin
    in_v = phase == STREAM;
    in_start = tok == 0 && pass == 0;
    in_wide = tok_wide;
    in_hi = tok_mem[token][1];
    in_pass = pass[0];
    in_ncols = 16'(f_pcols(cur));
    for (int r = 0; r < ROWS; r++) begin
      in_rows[r] = r < f_klen(cur);
      in_act[r*ACT_W +: ACT_W] = (in_v && r < f_klen(cur)) ? act_mem[token*K + f_k0(cur) + r][ACT_W-1:0] : '0;
    end
  end

  // ---- Weight loader: LOAD_WPC codes per cycle. Each fold's weights go in anti-diagonal order of its
  // tile (the order its predecessor's wavefront frees the shadow registers); up to LOOK folds load at
  // once, a younger fold never passing an older one, so a PE always receives its folds in order.
  localparam int LOOK = DOUBLE_BUF ? ROWS + COLS : 1;
  localparam int DONE_KEY = 1 << 30;
  int  ld_base;                   // oldest fold not yet fully written
  int  ld_d [LOOK], ld_r [LOOK];  // next position of fold ld_base + i, by fold % LOOK
  int  nx_base;
  int  nx_d [LOOK], nx_r [LOOK];
  logic ld_wrote;
  always_comb begin
    logic [127:0] p;
    logic [ROWS*COLS-1:0] taken;
    int budget, i, f, slot, r, c, key, limit, klen, pcols, cost;
    we = '0;
    wdata = '0;
    taken = '0;
    nx_base = ld_base;
    for (int j = 0; j < LOOK; j++) begin nx_d[j] = ld_d[j]; nx_r[j] = ld_r[j]; end
    budget = 2 * LOAD_WPC;                 // half-codes: a fused pair shares one fetched code
    limit = DONE_KEY;                      // an older fold's next position bounds a younger one's
    i = 0;                                 // the fold being written: ld_base + i
    // Each step writes one PE or moves on to the next younger fold.
    for (int step = 0; step < 2 * LOAD_WPC + LOOK; step++) begin
      f = ld_base + i;
      if (i < LOOK && f < FOLDS && (DOUBLE_BUF || (f == fold && phase == LOAD))) begin
        slot = f % LOOK;
        p = prog_mem[f];
        klen = f_klen(p);
        pcols = f_pcols(p);
        cost = f_fused(p) ? 1 : 2;
        r = nx_r[slot];
        c = nx_d[slot] - r;
        key = nx_d[slot] >= klen + pcols - 1 ? DONE_KEY : nx_d[slot] * ROWS + r;
        if (key == DONE_KEY || key >= limit || budget < cost || !shadow_free[r*COLS + c] || taken[r*COLS + c]) begin
          limit = key;
          i = i + 1;
        end else begin
          we[r*COLS + c] = 1'b1;
          taken[r*COLS + c] = 1'b1;
          wdata[(r*COLS + c)*WGT_W +: WGT_W] = wgt_mem[(f_n0(p) + (f_fused(p) ? c / 2 : c))*K + f_k0(p) + r][WGT_W-1:0];
          budget = budget - cost;
          // Next position: down the anti-diagonal, else the top of the next one.
          if (r + 1 < klen && nx_d[slot] - r - 1 >= 0) nx_r[slot] = r + 1;
          else begin
            nx_d[slot] = nx_d[slot] + 1;
            nx_r[slot] = nx_d[slot] - (pcols - 1) > 0 ? nx_d[slot] - (pcols - 1) : 0;
          end
        end
      end
    end
    // Retire the folds written whole, oldest first.
    for (int i = 0; i < LOOK; i++) begin
      f = nx_base;
      slot = f % LOOK;
      if (f < FOLDS) begin
        p = prog_mem[f];
        if (nx_d[slot] >= f_klen(p) + f_pcols(p) - 1) begin
          nx_d[slot] = 0;
          nx_r[slot] = 0;
          nx_base = nx_base + 1;
        end
      end
    end
    ld_wrote = |we;
  end

  // ---- Slot descriptors travelling beside the array: D[j] is the slot that entered j + 1 cycles ago.
  logic       d_v     [DEPTH];
  logic       d_first [DEPTH];
  logic       d_wide  [DEPTH];
  logic       d_pass  [DEPTH];
  logic       d_fused [DEPTH];
  int         d_token [DEPTH];
  int         d_group [DEPTH];
  int         d_n0    [DEPTH];
  int         d_pcols [DEPTH];

  // ---- Below each column: combine passes, bring into range, accumulate.
  // Packed per-column vectors (Icarus refuses words of unpacked arrays driven by continuous assignments).
  logic [COLS*SUM_W-1:0]      low;          // two_pass: the low-nibble pass; fused: the even column's sum
  logic [COLS-1:0]            emit, tree_ov, acc_ov;
  logic [COLS*32-1:0]         idx;
  logic [COLS*ACC_BITS-1:0]   acc_new;
  genvar c;
  generate
    for (c = 0; c < COLS; c++) begin : g_bottom
      localparam int DI = ROWS + c - 1;
      logic signed [SUM_W-1:0] s;
      assign s = out_sum[c*SUM_W +: SUM_W];
      logic in_tile, two_pass_hi, fused_hi;
      assign in_tile = d_v[DI] && out_v[c] && c < d_pcols[DI];
      assign two_pass_hi = TWO_PASS && d_wide[DI];
      assign fused_hi = d_fused[DI];
      logic signed [EXACT_W-1:0] exact;
      always_comb begin
        if (two_pass_hi) exact = EXACT_W'($signed(low[c*SUM_W +: SUM_W])) + (EXACT_W'(s) <<< 4);
        else if (fused_hi && c > 0) exact = EXACT_W'($signed(low[(c > 0 ? c - 1 : 0)*SUM_W +: SUM_W])) + (EXACT_W'(s) <<< 4);
        else exact = EXACT_W'(s);
      end
      assign emit[c] = in_tile && (two_pass_hi ? d_pass[DI] : fused_hi ? c % 2 == 1 : 1'b1);
      int at;
      assign at = (d_token[DI] * G + d_group[DI]) * N + d_n0[DI] + (fused_hi ? c / 2 : c);
      assign idx[c*32 +: 32] = at;
      logic signed [TREE_BITS-1:0] chunk;
      stamp_bring #(.IN_W(EXACT_W), .OUT_W(TREE_BITS), .SATURATE(SATURATE)) u_tree (.value(exact), .result(chunk), .overflow(tree_ov[c]));
      logic signed [ACC_IN_W-1:0] sum;
      assign sum = (d_first[DI] ? ACC_IN_W'(0) : ACC_IN_W'(acc_mem[emit[c] ? at : 0])) + ACC_IN_W'(chunk);
      logic signed [ACC_BITS-1:0] brought;
      stamp_bring #(.IN_W(ACC_IN_W), .OUT_W(ACC_BITS), .SATURATE(SATURATE)) u_acc (.value(sum), .result(brought), .overflow(acc_ov[c]));
      assign acc_new[c*ACC_BITS +: ACC_BITS] = brought;
      always_ff @(posedge clk) if (en && in_tile) low[c*SUM_W +: SUM_W] <= s;
    end
  endgenerate

  longint cycle;
  assign res_acc = acc_mem[res_addr];

  always_ff @(posedge clk or negedge rst_n) begin
    longint te, ae;
    if (!rst_n) begin
      phase <= DOUBLE_BUF ? STREAM : LOAD;
      {fold, tok, pass, drain_left} <= '0;
      ld_base <= 0;
      for (int i = 0; i < LOOK; i++) begin ld_d[i] <= 0; ld_r[i] <= 0; end
      for (int j = 0; j < DEPTH; j++) d_v[j] <= 1'b0;
      {cycles_hi, cycles_lo, cycles_stall, cycles_load, last_compute, tree_events, acc_events, load_cycles, cycle} <= '0;
      done <= 1'b0;
    end else begin
      cycle <= cycle + 1;
      ld_base <= nx_base;
      for (int i = 0; i < LOOK; i++) begin ld_d[i] <= nx_d[i]; ld_r[i] <= nx_r[i]; end
      if (ld_wrote) load_cycles <= load_cycles + 1;
      if (!en) cycles_stall <= cycles_stall + 1;
      else if (in_v) begin
        if (in_hi) cycles_hi <= cycles_hi + 1; else cycles_lo <= cycles_lo + 1;
      end else if (phase == LOAD) cycles_load <= cycles_load + 1;

      if (en) begin
        d_v[0] <= in_v;
        d_first[0] <= f_first(cur);
        d_wide[0] <= tok_wide;
        d_pass[0] <= pass[0];
        d_fused[0] <= f_fused(cur);
        d_token[0] <= token;
        d_group[0] <= f_group(cur);
        d_n0[0] <= f_n0(cur);
        d_pcols[0] <= f_pcols(cur);
        for (int j = 1; j < DEPTH; j++) begin
          d_v[j] <= d_v[j-1];
          d_first[j] <= d_first[j-1];
          d_wide[j] <= d_wide[j-1];
          d_pass[j] <= d_pass[j-1];
          d_fused[j] <= d_fused[j-1];
          d_token[j] <= d_token[j-1];
          d_group[j] <= d_group[j-1];
          d_n0[j] <= d_n0[j-1];
          d_pcols[j] <= d_pcols[j-1];
        end
        te = tree_events;
        ae = acc_events;
        for (int j = 0; j < COLS; j++)
          if (emit[j]) begin
            acc_mem[idx[j*32 +: 32]] <= 64'($signed(acc_new[j*ACC_BITS +: ACC_BITS]));
            last_compute <= cycle - 1;
            te = te + longint'(tree_ov[j]);
            ae = ae + longint'(acc_ov[j]);
          end
        tree_events <= te;
        acc_events <= ae;
      end

      // Sequencer.
      case (phase)
        LOAD: if (nx_base != fold) phase <= STREAM;
        STREAM: if (en) begin
          if (pass + 1 < passes) pass <= pass + 1;
          else begin
            pass <= 0;
            if (tok + 1 < f_ntok(cur)) tok <= tok + 1;
            else begin
              tok <= 0;
              if (!DOUBLE_BUF) begin phase <= DRAIN; drain_left <= ROWS + COLS - 2; end
              else if (fold + 1 == FOLDS) begin phase <= DRAIN; drain_left <= ROWS + COLS; end
              else fold <= fold + 1;
            end
          end
        end
        DRAIN: if (en) begin
          if (drain_left > 1) drain_left <= drain_left - 1;
          else if (fold + 1 < FOLDS && !DOUBLE_BUF) begin fold <= fold + 1; phase <= LOAD; end
          else begin phase <= FINISHED; end
        end
        FINISHED: done <= 1'b1;
      endcase
    end
  end
endmodule
