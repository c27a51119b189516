// The configured array slice, written by `stampsim rtl emit` from {{SOURCE}}.
// multiplier {{MULTIPLIER}}, eight_bit_mode {{EIGHT_BIT_MODE}}; tree_bits {{TREE_BITS}}, acc_bits {{ACC_BITS}}, overflow {{OVERFLOW}}.
package stamp_config_pkg;
  localparam int ROWS = {{ROWS}};
  localparam int COLS = {{COLS}};
  localparam int ACT_W = {{ACT_W}};
  localparam int WGT_W = {{WGT_W}};
  localparam int TREE_BITS = {{TREE_BITS}};
  localparam int ACC_BITS = {{ACC_BITS}};
  localparam bit SATURATE = 1'b{{SATURATE}};
  localparam int MULT_MODE = {{MULT_MODE}};
endpackage
