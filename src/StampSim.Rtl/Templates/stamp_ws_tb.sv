// Testbench of the whole array (`stampsim rtl cycles`; docs/rtl.md): runs stamp_ws_system over the
// preloaded GEMM until it is done, then checks every accumulator and both event counts against the
// golden integer GEMM (want.hex, events.hex) and prints the cycle counts and a RESULT line.
module stamp_ws_tb;
  parameter int M = 1;
  parameter int K = 1;
  parameter int N = 1;
  parameter int G = 1;
  parameter int FOLDS = 1;
  parameter longint LIMIT = 1000000;

  logic [63:0] want_mem [0:M*G*N-1];
  logic [63:0] events_mem [0:1];

  logic clk = 1'b0;
  logic rst_n = 1'b0;
  logic done;
  longint hi, lo, stall, load, last, tree_events, acc_events, load_cycles, res_acc;
  int res_addr = 0;

  stamp_ws_system #(.M(M), .K(K), .N(N), .G(G), .FOLDS(FOLDS)) dut (
    .clk(clk), .rst_n(rst_n), .done(done), .cycles_hi(hi), .cycles_lo(lo), .cycles_stall(stall), .cycles_load(load),
    .last_compute(last), .tree_events(tree_events), .acc_events(acc_events), .load_cycles(load_cycles),
    .res_addr(res_addr), .res_acc(res_acc));

  /* verilator lint_off BLKSEQ */
  always #5 clk = ~clk;
  /* verilator lint_on BLKSEQ */

  longint mismatches = 0;
  longint waited = 0;

  initial begin
    $readmemh("want.hex", want_mem);
    $readmemh("events.hex", events_mem);
    repeat (2) @(negedge clk);
    rst_n = 1'b1;
    while (!done && waited < LIMIT) begin
      @(negedge clk);
      waited++;
    end
    if (!done) $display("MISMATCH index=0 field=timeout expected=%0d actual=%0d", LIMIT, waited);
    for (int i = 0; i < M * G * N; i++) begin
      res_addr = i;
      #1;
      if (res_acc != $signed(want_mem[i])) begin
        if (mismatches == 0)
          $display("MISMATCH index=%0d field=acc expected=%0d actual=%0d", i, $signed(want_mem[i]), res_acc);
        mismatches++;
      end
    end
    if (tree_events != $signed(events_mem[0])) begin
      if (mismatches == 0) $display("MISMATCH index=0 field=tree_events expected=%0d actual=%0d", $signed(events_mem[0]), tree_events);
      mismatches++;
    end
    if (acc_events != $signed(events_mem[1])) begin
      if (mismatches == 0) $display("MISMATCH index=0 field=acc_events expected=%0d actual=%0d", $signed(events_mem[1]), acc_events);
      mismatches++;
    end
    $display("CYCLES total=%0d hi=%0d lo=%0d stall=%0d load=%0d loader_busy=%0d", last + 1, hi, lo, stall, load, load_cycles);
    $display("RESULT vectors=%0d mismatches=%0d tree_events=%0d acc_events=%0d", M * G * N, mismatches, tree_events, acc_events);
    $finish;
  end
endmodule
