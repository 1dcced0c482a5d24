"""PERCENT: shares and rates (14.3%, 百分之十五, 三成, 1/3, 一半, 2.5个百分点)."""
