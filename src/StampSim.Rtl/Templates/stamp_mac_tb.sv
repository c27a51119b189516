// Self-checking testbench for stamp_mac_column: reads the golden vectors written by
// `stampsim rtl vectors` ($readmemh, one value per line; docs/rtl.md), drives one chunk per
// request and compares chunk_sum, acc and both event counters after every chunk. Prints the
// first mismatch with its (token, channel, chunk) and a final RESULT line.
module stamp_mac_tb;
  import stamp_config_pkg::*;
  parameter int RECORDS = 1;

  logic [15:0] act_mem [0:RECORDS*ROWS-1];
  logic [15:0] wgt_mem [0:RECORDS*ROWS-1];
  logic [15:0] ctrl_mem [0:RECORDS-1];
  logic [31:0] idx_mem [0:3*RECORDS-1];
  logic [63:0] chunk_mem [0:RECORDS-1];
  logic [63:0] acc_mem [0:RECORDS-1];

  logic clk = 1'b0;
  logic rst_n = 1'b0;
  logic in_valid = 1'b0;
  logic first = 1'b0;
  logic wide = 1'b0;
  logic [ROWS*ACT_W-1:0] act = '0;
  logic [ROWS*WGT_W-1:0] wgt = '0;
  logic out_valid;
  logic signed [TREE_BITS-1:0] chunk_sum;
  logic signed [ACC_BITS-1:0] acc;
  logic [63:0] tree_events, acc_events;

  stamp_mac_column #(.ROWS(ROWS), .ACT_W(ACT_W), .WGT_W(WGT_W), .TREE_BITS(TREE_BITS), .ACC_BITS(ACC_BITS),
                     .SATURATE(SATURATE), .MULT_MODE(MULT_MODE)) dut (
    .clk(clk), .rst_n(rst_n), .in_valid(in_valid), .first(first), .wide(wide), .act(act), .wgt(wgt),
    .out_valid(out_valid), .chunk_sum(chunk_sum), .acc(acc), .tree_events(tree_events), .acc_events(acc_events));

  /* verilator lint_off BLKSEQ */
  always #5 clk = ~clk;
  /* verilator lint_on BLKSEQ */

  longint mismatches = 0;
  longint want_tree = 0, want_acc = 0;
  longint got_chunk, got_acc;
  int cycles;
  bit bad;
  logic [ROWS*ACT_W-1:0] next_act;
  logic [ROWS*WGT_W-1:0] next_wgt;

  task automatic report(input int rec, input string field, input longint expected, input longint actual);
    if (mismatches == 0)
      $display("MISMATCH token=%0d channel=%0d chunk=%0d field=%s expected=%0d actual=%0d",
               idx_mem[3*rec], idx_mem[3*rec+1], idx_mem[3*rec+2], field, expected, actual);
  endtask

  initial begin
    $readmemh("act.hex", act_mem);
    $readmemh("wgt.hex", wgt_mem);
    $readmemh("ctrl.hex", ctrl_mem);
    $readmemh("idx.hex", idx_mem);
    $readmemh("chunk.hex", chunk_mem);
    $readmemh("acc.hex", acc_mem);
    repeat (2) @(negedge clk);
    rst_n = 1'b1;
    for (int rec = 0; rec < RECORDS; rec++) begin
      @(negedge clk);
      bad = 1'b0;
      // Assembled aside and written whole: Verilator 5.006 (--timing) missed the int8 multiplier's
      // update when the operands were written part-select by part-select.
      for (int r = 0; r < ROWS; r++) begin
        next_act[r*ACT_W +: ACT_W] = act_mem[rec*ROWS + r][ACT_W-1:0];
        next_wgt[r*WGT_W +: WGT_W] = wgt_mem[rec*ROWS + r][WGT_W-1:0];
      end
      act = next_act;
      wgt = next_wgt;
      first = ctrl_mem[rec][0];
      wide = ctrl_mem[rec][1];
      want_tree += longint'(ctrl_mem[rec][3]);
      want_acc += longint'(ctrl_mem[rec][4]);
      in_valid = 1'b1;
      @(negedge clk);
      in_valid = 1'b0;
      cycles = 0;
      while (!out_valid && cycles < 16) begin
        @(negedge clk);
        cycles++;
      end
      got_chunk = longint'(chunk_sum);
      got_acc = longint'(acc);
      if (!out_valid) begin
        report(rec, "out_valid", 1, 0);
        bad = 1'b1;
      end else begin
        if (got_chunk != $signed(chunk_mem[rec])) begin report(rec, "chunk_sum", $signed(chunk_mem[rec]), got_chunk); bad = 1'b1; end
        else if (got_acc != $signed(acc_mem[rec])) begin report(rec, "acc", $signed(acc_mem[rec]), got_acc); bad = 1'b1; end
        else if (longint'(tree_events) != want_tree) begin report(rec, "tree_events", want_tree, longint'(tree_events)); bad = 1'b1; end
        else if (longint'(acc_events) != want_acc) begin report(rec, "acc_events", want_acc, longint'(acc_events)); bad = 1'b1; end
      end
      if (bad) mismatches++;
    end
    $display("RESULT vectors=%0d mismatches=%0d tree_events=%0d acc_events=%0d", RECORDS, mismatches, tree_events, acc_events);
    $finish;
  end
endmodule
